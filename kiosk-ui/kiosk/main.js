// Entry of the attendee kiosk: takes the device token, follows the room, and shows the one screen
// that fits the snapshot — not enrolled, stopped (停用), check-in, walk-in, personal or shared. Above
// them all sits 我要反映, which any resident may use, whether at the meeting or not — except while a
// ballot is due here: then the ballot is the whole screen (so is the questionnaire at the end of
// the meeting, for those here who have not answered it). Beside it, the 声音 switch for chimes and
// spoken prompts. Anything left open (a picker, a question) goes back to the main screen after a
// minute without a touch. Opened with ?pair, a new kiosk shows a pairing code instead and opens its
// own page once paired.

import { h, replace } from '../common/dom.js';
import { createI18n, errorText, communityLang } from '../common/i18n.js';
import { takeToken, TOKEN_KEYS } from '../common/token.js';
import { startRoomSession } from '../common/room-session.js';
import { everyQuarterSecond } from '../common/clock.js';
import { onKiosk, openVote } from '../common/snapshot.js';
import { createNotice, createConnectionMark } from '../common/notice.js';
import { MESSAGES } from './messages.js';
import { enableSound } from './beep.js';
import { cue, createSoundToggle } from './sound.js';
import { observe } from './moments.js';
import { idleTooLong, markTouched } from './idle.js';
import { ballotsDue } from './vote-panel.js';
import { createCheckinScreen } from './checkin-screen.js';
import { createWalkInScreen } from './walkin-screen.js';
import { createPersonalScreen } from './personal-screen.js';
import { createSharedScreen } from './shared-screen.js';
import { createRequestFlow } from './request-flow.js';
import { surveysDue, createSurveyScreen } from './survey-panel.js';
import { startPairing } from '../common/pairing.js';

const REQUEST_CMD = 'request.cmd';

const t = createI18n(MESSAGES, await communityLang(MESSAGES));
document.title = t('app.title');

const connection = createConnectionMark({ testid: 'connection', text: t('connection.offline') });
const notice = createNotice({ testid: 'error', className: 'notice' });
const stage = h('div', { class: 'stage' });
const reportButton = h('button', { class: 'btn btn-report', testid: 'report-start', onclick: startRequest },
  h('span', { class: 'report-label' }, t('report.button')),
  h('span', { class: 'report-hint' }, t('report.hint')));
const reportEntry = h('div', { class: 'report-entry', hidden: true }, reportButton, createSoundToggle(t));
replace(document.getElementById('app'), connection.el, notice.el, reportEntry, stage);

const pairing = new URLSearchParams(location.search).has('pair');
const token = pairing ? null : takeToken(TOKEN_KEYS.kiosk);
let identity = null;
let snapshot = null;
let view = 'home'; // 'home' | 'checkin' | 'walkin' | 'request': local navigation only
let screen = { kind: null };
const inFlight = new Set();

/** Sends a command; shows its error and resolves to null on failure. A second tap on the same
 * button while its command is still on the way is ignored (shaky fingers tap twice). */
async function guarded(key, send) {
  if (inFlight.has(key)) return null;
  inFlight.add(key);
  document.body.classList.add('busy');
  try {
    const reply = await send();
    notice.clear();
    return reply;
  } catch (err) {
    notice.show(errorText(t, err));
    // Voted elsewhere (another kiosk, a phone) before moving here: the server's own answer for
    // this kiosk's attendees says so, and the ballot turns into 已投票.
    if (err && (err.code === 'ALREADY_VOTED' || err.code === 'SURVEY_ANSWERED') && session) session.refresh().catch(() => {});
    return null;
  } finally {
    inFlight.delete(key);
    document.body.classList.toggle('busy', inFlight.size > 0);
  }
}

/** A room command for this kiosk's room. */
const act = (action, params) => guarded(action + JSON.stringify(params || {}), () => session.command(action, params));
/** A request command (我要反映); the kiosk's identity travels in the frame headers. */
const ask = (action, params) => guarded(`${REQUEST_CMD}:${action}${JSON.stringify(params || {})}`,
  () => session.bus.request(REQUEST_CMD, { action, ...params }));

const go = (next) => () => { view = next; render(); };

// A vote that opens while someone checked in here is filing a request comes first: the kiosk leaves
// the request (a few taps to start again) and shows the ballot, so nobody misses a vote.
let voteAtRequestStart = null;
const currentVoteId = () => { const v = snapshot && openVote(snapshot); return v ? v.id : null; };

function startRequest() {
  voteAtRequestStart = currentVoteId();
  view = 'request';
  render();
}

function aVoteCalls() {
  const voteId = currentVoteId();
  return !!voteId && voteId !== voteAtRequestStart && ballotsDue(snapshot, onKiosk(snapshot, identity.deviceId)).length > 0;
}

const ballotDueHere = () => !!snapshot && !!identity && isKiosk(identity)
  && ballotsDue(snapshot, onKiosk(snapshot, identity.deviceId)).length > 0;

/** Says (where it can) that someone was checked in here. */
const checkedIn = (name) => cue(null, t('say.checkedIn', { name }));
const counted = () => { cue(null, t('say.counted')); render(); };

const factories = {
  message: () => {
    const title = h('h1', { testid: 'screen-title' });
    const body = h('p', { class: 'status-text' });
    return { el: h('main', { class: 'screen message' }, title, body), update: (keys) => { title.textContent = t(keys[0]); body.textContent = keys[1] ? t(keys[1]) : ''; } };
  },
  // After the meeting: nothing to check in to, but 我要反映 stays (a kiosk takes requests any day).
  ended: () => factories.message(),
  checkin: () => createCheckinScreen({
    t, act, onWalkIn: go('walkin'), onCheckedIn: (a) => { checkedIn(a.name); go('home')(); }, onBack: identity.shared ? go('home') : null,
  }),
  walkin: () => createWalkInScreen({
    t, act, showError: (m) => notice.show(m), onDone: (id, name) => { checkedIn(name); go('home')(); }, onBack: go('checkin'),
  }),
  personal: () => createPersonalScreen({ t, act, onCounted: counted }),
  shared: () => createSharedScreen({ t, act, deviceId: identity.deviceId, onCheckInMore: go('checkin'), onCounted: counted }),
  survey: () => createSurveyScreen({ t, act, deviceId: identity.deviceId, shared: identity.shared, onDone: () => render() }),
  pairing: () => {
    const el = h('div', { class: 'pairing-root' });
    startPairing(el, t, { onPaired: (paired) => location.replace(`/kiosk/?token=${encodeURIComponent(paired)}`) });
    return { el, update: () => {} };
  },
  request: () => {
    const flow = createRequestFlow({ t, ask, showError: (m) => notice.show(m), onDone: go('home') });
    flow.start();
    return flow;
  },
};

function show(kind, ...args) {
  if (screen.kind !== kind) {
    screen = { kind, ...factories[kind]() };
    replace(stage, screen.el);
  }
  reportEntry.hidden = kind === 'request' || kind === 'message' || kind === 'pairing';
  reportButton.hidden = ballotDueHere() || kind === 'survey';
  document.body.dataset.screen = kind;
  screen.update(...args);
}

function isKiosk(id) {
  return !!id && id.type === 'device' && id.deviceKind === 'kiosk';
}

/** Nobody may use a kiosk whose token the server no longer knows: an administrator stopped it. */
const revoked = () => !!token && !!identity && identity.type === 'anonymous';

function render() {
  if (pairing) return show('pairing');
  if (revoked()) return show('message', ['revoked.title', 'revoked.body']);
  if (!token || (identity && !isKiosk(identity))) return show('message', ['notEnrolled.title', 'notEnrolled.body']);
  if (view === 'request' && identity) {
    if (!aVoteCalls()) return show('request');
    view = 'home';
    notice.show(t('request.voteOpened'));
  }
  if (!snapshot) return show('message', ['app.title', 'connection.connecting']);
  // a room with no meeting planned: nothing to check in to, but 我要反映 stays
  if (!snapshot.meeting) return show('ended', ['meeting.noneTitle', 'noMeeting']);
  const ended = snapshot.meeting && snapshot.meeting.status === 'CLOSED';
  if (ended && onKiosk(snapshot, identity.deviceId).length === 0) return show('ended', ['meeting.endedTitle', 'meeting.CLOSED']);
  if (view === 'walkin') return show('walkin', snapshot);
  if (view === 'home' && !ballotDueHere() && (surveysDue(snapshot, onKiosk(snapshot, identity.deviceId)).length > 0
    || (screen.kind === 'survey' && screen.showing()))) return show('survey', snapshot);
  if (identity.shared) return view === 'checkin' ? show('checkin', snapshot) : show('shared', snapshot);
  const me = onKiosk(snapshot, identity.deviceId)[0];
  if (me) {
    view = 'home';
    return show('personal', snapshot, me);
  }
  return show('checkin', snapshot);
}

const session = token ? startRoomSession({
  token: () => token,
  resolveRoom: (id) => (isKiosk(id) ? id.roomId : null),
  onIdentity: (id) => {
    // moved to another room by an administrator: start again in the new room
    if (isKiosk(id) && session.roomId() && id.roomId !== session.roomId()) location.reload();
    identity = id;
    if (revoked()) session.stop();
    render();
  },
  onSnapshot: (snap) => { snapshot = snap; announce(observe(snap, render)); render(); },
  onConnection: (state) => connection.set(state),
  onError: (err) => !revoked() && notice.show(errorText(t, err)),
}) : null;

/** Chimes and spoken prompts for the moments that concern this kiosk's attendees. */
function announce(moments) {
  if (!identity || !isKiosk(identity)) return;
  const mine = onKiosk(snapshot, identity.deviceId);
  const here = (id) => mine.some((a) => a.id === id);
  if (moments.speechStarted && here(moments.speechStarted.attendeeId)) {
    cue('turn', t('say.turn', { name: moments.speechStarted.name }));
  }
  if (moments.voteOpened && ballotsDue(snapshot, mine).length > 0) cue('vote', t('say.vote'));
  if (moments.timeUp && here(moments.timeUp.attendeeId)) cue('over', null);
}

/** A minute without a touch: whatever is open closes and the main screen returns. */
function backHomeWhenIdle() {
  if (!idleTooLong()) return;
  let moved = false;
  if (view === 'walkin' || (view === 'checkin' && identity && identity.shared)) {
    view = 'home';
    moved = true;
  }
  if (screen.away && screen.away()) {
    screen.home();
    moved = true;
  }
  if (!moved) return;
  markTouched();
  render();
}

enableSound();
render();
everyQuarterSecond(() => {
  if (screen.tick) screen.tick();
  backHomeWhenIdle();
});
