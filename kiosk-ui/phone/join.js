// The page the room display's QR code opens (/j/<token>): a checked-in attendee taps their name,
// waits for a host to confirm, and lands on their own kiosk page on this phone.

import { h, replace } from '/common/dom.js';
import { createI18n } from '/common/i18n.js';
import { api, tokenFromPath, errorMessage } from './http.js';
import { createErrorLine } from './load-failure.js';
import { MESSAGES } from './messages.js';

const POLL_MS = 2000;
const FINAL = ['TOKEN_INVALID'];

const t = createI18n(MESSAGES);
document.title = t('join.title');
const app = document.getElementById('app');
const token = tokenFromPath('j');
// A reload while waiting keeps waiting on the same request.
const secretKey = `shangliang.join.${token}`;
const { el: error, show: showError } = createErrorLine();
let pollTimer = null;

function screen(...children) {
  clearTimeout(pollTimer);
  replace(app, h('main', { class: 'phone' }, ...children, error));
}

async function load() {
  screen(h('p', { class: 'loading' }, t('join.loading')));
  showError('');
  try {
    const { room, meeting, attendees } = await api(`/api/join/${encodeURIComponent(token)}`);
    const list = (attendees || []).map((a) => h('button', {
      type: 'button', class: 'person', testid: `join-${a.id}`, onclick: () => ask(a.id),
    }, h('span', { class: 'person-name' }, a.name), h('span', { class: 'person-kind' }, t(`kind.${a.kind}`))));
    screen(
      h('header', { class: 'join-head' },
        h('div', { class: 'board' }, (room && room.name) || ''),
        h('h1', { class: 'title' }, (meeting && meeting.title) || t('join.title'))),
      h('h2', {}, list.length ? t('join.pick') : t('join.none')),
      h('div', { class: 'people' }, list));
  } catch (err) {
    failed(err, load);
  }
}

function failed(err, again) {
  const retry = FINAL.includes(err.code) ? null
    : h('button', { type: 'button', class: 'send', testid: 'retry', onclick: again }, t('retry'));
  screen(retry);
  showError(errorMessage(t, err));
}

async function ask(attendeeId) {
  showError('');
  try {
    const { secret } = await api('/api/join', { method: 'POST', body: { token, attendeeId } });
    sessionStorage.setItem(secretKey, secret);
    wait(secret);
  } catch (err) {
    showError(errorMessage(t, err));
  }
}

function wait(secret) {
  screen(h('div', { class: 'waiting', testid: 'join-waiting', role: 'status' },
    h('div', { class: 'thanks-title' }, t('join.waiting')), h('p', {}, t('join.waitingBody'))));
  poll(secret);
}

async function poll(secret) {
  try {
    const status = await api(`/api/join/status/${encodeURIComponent(secret)}`);
    showError('');
    if (status.state === 'CONFIRMED' && status.kioskUrl) {
      sessionStorage.removeItem(secretKey);
      screen(h('p', { class: 'loading' }, t('join.confirmed')));
      location.replace(status.kioskUrl);
      return;
    }
    if (status.state === 'REJECTED') {
      sessionStorage.removeItem(secretKey);
      screen(h('div', { class: 'rejected', testid: 'join-rejected', role: 'alert' }, t('join.rejected')),
        h('button', { type: 'button', class: 'send', onclick: load }, t('join.again')));
      return;
    }
  } catch (err) {
    if (err.code !== 'OFFLINE' && err.code !== 'RATE_LIMITED' && err.code !== 'INTERNAL') {
      sessionStorage.removeItem(secretKey);
      failed(err, load);
      return;
    }
    showError(errorMessage(t, err)); // a weak network: keep waiting
  }
  clearTimeout(pollTimer);
  pollTimer = setTimeout(() => poll(secret), POLL_MS);
}

if (!token) {
  screen();
  showError(t('error.TOKEN_INVALID'));
} else {
  const pending = sessionStorage.getItem(secretKey);
  if (pending) wait(pending);
  else load();
}
