// Entry of the room display: no interaction, everything from the server's snapshot — meeting,
// current matter, speaker and countdown, next speakers, the vote, presence and a corrected clock.

import { h, replace, renderKeyed } from '/common/dom.js';
import { createI18n } from '/common/i18n.js';
import { takeToken, TOKEN_KEYS } from '/common/token.js';
import { startRoomSession } from '/common/room-session.js';
import { everyQuarterSecond, formatClock } from '/common/clock.js';
import { meetingOf, currentMatter } from '/common/snapshot.js';
import { createConnectionMark } from '/common/notice.js';
import { MESSAGES } from './messages.js';
import { createSpeaker } from './speaker.js';
import { createTally } from './tally.js';

const t = createI18n(MESSAGES);
document.title = t('app.title');

const roomName = h('div', { class: 'room-name', testid: 'room-name' });
const meetingTitle = h('div', { class: 'meeting-title', testid: 'meeting-title' });
const presence = h('div', { class: 'presence', testid: 'presence' });
const clock = h('div', { class: 'clock', testid: 'clock' });
const offline = createConnectionMark({ testid: 'offline', text: t('offline'), className: 'offline' });
const banner = h('div', { class: 'banner', testid: 'meeting-status', hidden: true });
const matter = h('div', { class: 'matter-title', testid: 'current-matter' });
const speaker = createSpeaker(t);
const tally = createTally(t);
const stage = h('main', { class: 'stage' },
  h('section', { class: 'matter-block' }, h('div', { class: 'label' }, t('matter.label')), matter),
  h('div', { class: 'columns' }, speaker.el, tally.el));

replace(document.getElementById('app'),
  h('header', { class: 'topbar' },
    h('div', { class: 'titles' }, roomName, meetingTitle),
    presence, clock, offline.el),
  banner, stage);

function showMessage(titleKey, bodyKey) {
  stage.hidden = true;
  banner.hidden = false;
  replace(banner, h('div', { class: 'banner-title' }, t(titleKey)), bodyKey ? h('div', { class: 'banner-body' }, t(bodyKey)) : null);
}

function render(snap) {
  const m = meetingOf(snap);
  roomName.textContent = (snap.room && snap.room.name) || '';
  meetingTitle.textContent = m ? m.title || '' : '';
  const p = snap.presence;
  renderKeyed(presence, JSON.stringify(p && [p.checkedIn, p.quorum, p.quorumMet]), () => (p ? [
    h('span', { class: 'count', dataset: { count: String(p.checkedIn) } }, t('presence', { n: p.checkedIn })),
    h('span', { class: p.quorumMet ? 'quorum ok' : 'quorum warn' },
      p.quorumMet ? t('quorum.met') : t('quorum.notMet', { quorum: p.quorum == null ? '–' : p.quorum })),
  ] : []));
  if (!m) return showMessage('meeting.none');
  if (m.status !== 'OPEN' && !m.vote) return showMessage(`meeting.${m.status}`);
  banner.hidden = true;
  stage.hidden = false;
  const current = currentMatter(snap);
  matter.textContent = current ? current.title : t('matter.none');
  speaker.update(snap);
  tally.update(snap);
  stage.dataset.vote = String(!tally.el.hidden);
}

const token = takeToken(TOKEN_KEYS.display);
const roomFromUrl = new URLSearchParams(location.search).get('room');

if (!token) {
  showMessage('notEnrolled.title', 'notEnrolled.body');
} else {
  showMessage('app.title', 'connecting');
  startRoomSession({
    token: () => token,
    resolveRoom: (id) => (id.type === 'device' ? id.roomId : id.type === 'account' ? roomFromUrl : null),
    onIdentity: (id) => {
      if (id.type === 'anonymous') showMessage('notEnrolled.title', 'notEnrolled.body');
    },
    onSnapshot: render,
    onConnection: (state) => offline.set(state),
    onError: (err) => console.warn('display:', err.code, err.message),
  });
}

everyQuarterSecond(() => {
  clock.textContent = formatClock();
  speaker.tick();
});
