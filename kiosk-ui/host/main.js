// Entry of the host console: sign in, pick the room, then wire the panels to the room session.
// An UNAUTHENTICATED answer anywhere sends the host back to the sign-in form.

import { h, replace } from '../common/dom.js';
import { createI18n, errorText } from '../common/i18n.js';
import { readToken, saveToken, forgetToken, TOKEN_KEYS } from '../common/token.js';
import { startRoomSession } from '../common/room-session.js';
import { everyQuarterSecond } from '../common/clock.js';
import { createNotice, createConnectionMark } from '../common/notice.js';
import { MESSAGES } from './messages.js';
import { listRooms, logout } from './api.js';
import { createLoginForm } from './login.js';
import { createMeetingPanel } from './meeting-panel.js';
import { createPresencePanel } from './presence-panel.js';
import { createPhonesPanel } from './phones-panel.js';
import { createQueuePanel } from './queue-panel.js';
import { createFloorPanel } from './floor-panel.js';
import { createVotePanel } from './vote-panel.js';
import { createSummaryPanel } from './summary-panel.js';
import { createResearchPanel } from './research-panel.js';

const t = createI18n(MESSAGES);
document.title = t('app.title');

const roomName = h('span', { class: 'room-name', testid: 'room-name' });
const who = h('span', { class: 'who', testid: 'signed-in-as' });
const logoutButton = h('button', { class: 'btn btn-small', testid: 'logout', hidden: true, onclick: onLogout }, t('logout'));
const connection = createConnectionMark({ testid: 'connection', text: t('connection.offline') });
const notice = createNotice({ testid: 'host-error', className: 'notice' });
const content = h('div', { class: 'content' });
replace(document.getElementById('app'),
  h('header', { class: 'topbar' }, h('h1', {}, t('app.title')), roomName, h('span', { class: 'spacer' }), who, logoutButton),
  connection.el, notice.el, content);

let token = readToken(TOKEN_KEYS.host);
let session = null;
let stopTicker = null;
const inFlight = new Set();

function signOut() {
  if (session) session.stop();
  session = null;
  if (stopTicker) stopTicker();
  stopTicker = null;
  forgetToken(TOKEN_KEYS.host);
  token = null;
  roomName.textContent = '';
  who.textContent = '';
  logoutButton.hidden = true;
  connection.set('open');
  const form = createLoginForm({ t, onSignedIn });
  replace(content, form.el);
  form.focus();
}

function onSignedIn(result) {
  token = result.token;
  saveToken(TOKEN_KEYS.host, token);
  notice.clear();
  start();
}

async function onLogout() {
  const old = token;
  signOut();
  if (old) await logout(old);
}

function fail(err) {
  if (err && err.code === 'UNAUTHENTICATED' && token) signOut();
  notice.show(errorText(t, err));
}

/** Runs a room command; shows its error and resolves to null on failure. A double click is one command. */
async function act(action, params) {
  const key = action + JSON.stringify(params || {});
  if (!session || inFlight.has(key)) return null;
  inFlight.add(key);
  try {
    const reply = await session.command(action, params);
    notice.clear();
    return reply;
  } catch (err) {
    fail(err);
    return null;
  } finally {
    inFlight.delete(key);
  }
}

/** As act, but answers the refusal instead of showing it, for panels that handle some refusals themselves. */
async function attempt(action, params) {
  if (!session) return { error: { code: 'OFFLINE' } };
  try {
    const reply = await session.command(action, params);
    notice.clear();
    return { reply };
  } catch (error) {
    if (error && error.code === 'UNAUTHENTICATED' && token) signOut();
    return { error };
  }
}

/** ?room= wins; otherwise the only room, or a choice among several. */
async function chooseRoom() {
  const fromUrl = new URLSearchParams(location.search).get('room');
  if (fromUrl) return fromUrl;
  replace(content, h('p', { class: 'muted' }, t('loading')));
  let rooms;
  try {
    rooms = await listRooms(token);
  } catch (err) {
    fail(err);
    if (token) replace(content, h('button', { class: 'btn', testid: 'retry', onclick: start }, t('retry')));
    return null;
  }
  if (!rooms || rooms.length === 0) {
    replace(content, h('p', { class: 'muted', testid: 'rooms-none' }, t('rooms.none')));
    return null;
  }
  if (rooms.length === 1) return rooms[0].id;
  return new Promise((resolve) => {
    replace(content, h('section', { class: 'panel rooms' }, h('h2', {}, t('rooms.title')),
      h('div', { class: 'row' }, rooms.map((r) => h('button', {
        class: 'btn', testid: `room-${r.id}`, onclick: () => resolve(r.id),
      }, r.name)))));
  });
}

async function start() {
  logoutButton.hidden = false;
  const roomId = await chooseRoom();
  if (!roomId || !token) return;
  const url = new URL(location.href);
  url.searchParams.set('room', roomId);
  history.replaceState(history.state, '', url.pathname + url.search);

  const panels = [
    createMeetingPanel({ t, act }),
    createPresencePanel({ t, act }),
    createFloorPanel({ t, act }),
    createQueuePanel({ t, act }),
    createVotePanel({ t, act, attempt, showError: (m) => notice.show(m) }),
    createSummaryPanel({ t, act, showError: (m) => notice.show(m) }),
    createPhonesPanel({ t, act }),
    createResearchPanel({ t, listResearch: (meetingId) => (session ? session.bus.request('plan.cmd', { action: 'listResearch', meetingId })
      : Promise.reject(new Error('signed out'))) }),
  ];
  const [meeting, presence, floor, queue, vote, summary, phones, research] = panels;
  replace(content, h('div', { class: 'console' },
    h('div', { class: 'column' }, meeting.el, research.el, phones.el, presence.el),
    h('div', { class: 'column' }, floor.el, queue.el, summary.el, vote.el)));

  session = startRoomSession({
    token: () => token,
    liveTally: true,
    resolveRoom: (identity) => (identity.type === 'account' ? roomId : null),
    onIdentity: (identity) => {
      if (identity.type !== 'account') {
        fail({ code: 'UNAUTHENTICATED' });
        return;
      }
      who.textContent = t('signedInAs', { name: identity.name, role: t(`role.${identity.role}`) });
    },
    onSnapshot: (snap) => {
      roomName.textContent = (snap.room && snap.room.name) || '';
      panels.forEach((p) => p.update(snap));
    },
    onConnection: (state) => connection.set(state),
    onError: fail,
  });
  stopTicker = everyQuarterSecond(() => floor.tick());
}

if (token) start();
else signOut();
