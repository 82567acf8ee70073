// Entry of the display page. One page, four modes chosen by who the server says we are: a device
// of a room shows the room; a display without a room is a notice board (signage); a page without a
// token (or opened with ?pair) shows a pairing code; a page whose token the server no longer knows
// says that it was stopped (停用). A board with a kept playlist shows it before it connects.

import { h, replace } from '/common/dom.js';
import { createI18n, communityLang } from '/common/i18n.js';
import { takeToken, TOKEN_KEYS } from '/common/token.js';
import { startRoomSession } from '/common/room-session.js';
import { everyQuarterSecond } from '/common/clock.js';
import { MESSAGES } from './messages.js';
import { createRoomView } from './room.js';
import { createSignage } from './signage.js';
import { startPairing } from '/common/pairing.js';
import { forgetPlaylist, cacheScope } from './playlist-cache.js';
import { registerOfflineCache, keepOffline } from './offline.js';

const OFFLINE_GRACE_MS = 3000; // a first connection that has not opened by then counts as offline

const t = createI18n(MESSAGES, await communityLang(MESSAGES));
document.title = t('app.title');
const app = document.getElementById('app');
const params = new URLSearchParams(location.search);
const roomFromUrl = params.get('room');

let view = null; // {mode, ...} of the mode on screen
let session = null;

function show(mode, build) {
  if (view && view.mode === mode) return view;
  if (view && view.stop) view.stop();
  view = { mode, ...build() };
  replace(app, view.el);
  document.body.dataset.mode = mode;
  return view;
}

let token = null;
const roomMode = () => show('room', () => createRoomView(t));
const signageMode = () => show('signage', () => createSignage(t, { scope: cacheScope(token), onMedia: keepOffline }));

function pairingMode() {
  if (session) session.stop();
  session = null;
  if (token) forgetPlaylist(cacheScope(token));
  show('pairing', () => {
    const el = document.createElement('div');
    el.className = 'pairing-root';
    return { el, stop: startPairing(el, t, { onPaired: (paired) => connect(paired) }) };
  });
}

/** The server no longer knows our token: an administrator revoked this display. Nothing kept is shown. */
function revokedMode() {
  if (session) session.stop();
  session = null;
  if (token) forgetPlaylist(cacheScope(token));
  show('revoked', () => ({
    el: h('div', { class: 'pairing-root' }, h('main', { class: 'pairing' },
      h('div', { class: 'pairing-instructions', testid: 'revoked' }, t('revoked.title')),
      h('div', { class: 'pairing-steps' }, t('revoked.body')))),
  }));
}

/**
 * Every hello: a token the server no longer knows means this display was revoked; a room display
 * moved to another room opens that room's page.
 */
function checkIdentity(current, identity) {
  if (identity.type === 'anonymous') revokedMode();
  else if (identity.type === 'device' && current.roomId() && identity.roomId && identity.roomId !== current.roomId()) {
    location.replace(`/display/?room=${encodeURIComponent(identity.roomId)}`);
  }
}

/** Decides the mode from hello's identity; answers the room to follow, or null. */
function resolveMode(identity) {
  if (identity.type === 'account') {
    roomMode();
    return roomFromUrl;
  }
  if (identity.type === 'device' && identity.roomId) {
    roomMode();
    return identity.roomId;
  }
  if (identity.type === 'device' && identity.deviceKind === 'display') {
    signageMode().attach(session.bus, identity);
    return null;
  }
  revokedMode(); // the token is unknown or revoked: staff pair this screen again (/display/?pair)
  return null;
}

function connect(newToken) {
  token = newToken;
  if (session) session.stop();
  const current = session = startRoomSession({
    token: () => newToken,
    liveTally: true,
    onIdentity: (identity) => current === session && checkIdentity(current, identity),
    resolveRoom: (identity) => (current === session ? resolveMode(identity) : null),
    onSnapshot: (snap) => view && view.mode === 'room' && view.render(snap),
    onConnection: (state) => view && view.setConnection && view.setConnection(state),
    onError: (err) => console.warn('display:', err.code, err.message),
  });
  setTimeout(() => {
    if (current === session && view && view.setConnection) view.setConnection(current.bus.state);
  }, OFFLINE_GRACE_MS);
}

const stored = takeToken(TOKEN_KEYS.display);
if (params.has('pair')) {
  // ?pair: a new screen, whatever this browser kept; once paired, a reload shows the board.
  params.delete('pair');
  const rest = params.toString();
  history.replaceState(history.state, '', location.pathname + (rest ? `?${rest}` : ''));
  pairingMode();
} else if (!stored) {
  pairingMode();
} else {
  // A board renders its kept notices before it connects, so it shows them while the server is away.
  const board = createSignage(t, { scope: cacheScope(stored), onMedia: keepOffline });
  if (board.showCached()) show('signage', () => board);
  else {
    board.stop();
    roomMode().showMessage('app.title', 'connecting');
  }
  connect(stored);
}
registerOfflineCache();

everyQuarterSecond(() => view && view.tick && view.tick());
