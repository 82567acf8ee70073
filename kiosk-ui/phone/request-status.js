// The status page a request's code opens (/r/<statusToken>): where the request stands under its
// public title, what was agreed and by when, the meeting's resolution, what was done (the 办结
// note), and only then — once the resident has been told it is done — a rating; the steps it went
// through last. 不满意 sends it back to consultation (the server decides). The page reads the
// request again every 30 s while it is on screen and whenever it comes back to the screen. What the
// resident wrote is not here: anyone holding the code could read it.

import { h, replace } from '/common/dom.js';
import { createI18n } from '/common/i18n.js';
import { api, tokenFromPath, errorMessage } from './http.js';
import { createErrorLine, showLoadFailure } from './load-failure.js';
import { MESSAGES } from './messages.js';

const RATINGS = ['SATISFIED', 'BASIC', 'UNSATISFIED'];
const MAX_COMMENT = 500;
const FINAL = ['TOKEN_INVALID', 'NOT_FOUND'];
const REFRESH_MS = 30000;

const t = createI18n(MESSAGES);
document.title = t('status.title');
const app = document.getElementById('app');
const token = tokenFromPath('r');
const { el: error, show: showError } = createErrorLine();
let rated = null; // the rating this page sent, for the thank-you line
let shownAs = null; // the reply on screen, as JSON: a refresh that changes nothing redraws nothing
let ratingForm = null; // the rating form while one is asked for, kept across refreshes with what was chosen
let refreshTimer = null;

const pad = (n) => String(n).padStart(2, '0');
function dateTime(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function date(ms) {
  const d = new Date(ms);
  return t('status.date', { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate() });
}

const label = (prefix, value) => (t.has(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : value);

function summary(r) {
  const where = [r.where && r.where.gridName, r.where && r.where.building].filter(Boolean).join(' · ');
  return h('article', { class: 'notice request-card' },
    h('div', { class: 'board' }, t('status.numberLabel')),
    h('div', { class: 'big-number', testid: 'request-number' }, r.number),
    h('div', { class: 'facts' },
      h('span', { class: 'fact', testid: 'request-kind' }, r.kind),
      where ? h('span', { class: 'fact', testid: 'request-where' }, where) : null),
    h('div', { class: `status-badge status-${r.status}`, testid: 'request-status' }, label('status', r.status)),
    h('h2', {}, t('status.publicTitle')),
    h('p', { class: 'what', testid: 'request-public-title' }, r.publicTitle || ''),
    h('p', { class: 'hint' }, t('status.privateWords')));
}

function agreement(r) {
  if (!r.agreedAction && !r.resolution) return null;
  const o = r.resolution && r.resolution.outcome;
  return h('section', { class: 'notice', testid: 'agreement' },
    r.resolution ? [
      h('h2', {}, t('status.resolution')),
      h('p', { class: 'motion', testid: 'resolution-motion' }, r.resolution.motion || ''),
      o ? h('p', { class: o.passed ? 'verdict passed' : 'verdict failed', testid: 'resolution-outcome' },
        t(o.passed ? 'status.passed' : 'status.notPassed'),
        ` ${t('status.figures', { FOR: o.FOR || 0, AGAINST: o.AGAINST || 0, ABSTAIN: o.ABSTAIN || 0 })}`) : null,
    ] : null,
    r.agreedAction ? [h('h2', {}, t('status.agreed')), h('p', { testid: 'agreed-action' }, r.agreedAction)] : null,
    r.dueAt ? h('p', { class: 'due', testid: 'due-at' }, t('status.due', { date: date(r.dueAt) })) : null);
}

/** 办结: what staff wrote when it was done, and when. */
function done(r) {
  if (!r.doneAt && !r.doneNote) return null;
  return h('section', { class: 'notice done-note', testid: 'done' },
    h('h2', {}, t('status.done')),
    r.doneAt ? h('p', { class: 'due', testid: 'done-at' }, t('status.doneAt', { date: date(r.doneAt) })) : null,
    r.doneNote ? h('p', { class: 'what', testid: 'done-note' }, r.doneNote) : null);
}

function timeline(r) {
  const steps = (r.steps || []).map((s) => h('li', { class: 'step', testid: `step-${s.event}` },
    h('span', { class: 'step-label' }, label('event', s.event)),
    h('span', { class: 'step-time' }, s.at ? dateTime(s.at) : '')));
  return h('section', { class: 'notice' }, h('h2', {}, t('status.steps')),
    h('ol', { class: 'timeline', testid: 'timeline' }, steps));
}

function ratingView() {
  let rating = null;
  const buttons = RATINGS.map((r) => h('button', {
    type: 'button', class: `rate rate-${r}`, testid: `rate-${r}`, 'aria-pressed': 'false',
    onclick: () => {
      rating = r;
      buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(RATINGS[i] === r)));
      showError('');
    },
  }, t(`feedback.${r}`)));
  const comment = h('textarea', { id: 'comment', testid: 'comment', maxLength: MAX_COMMENT, rows: 3 });
  const send = h('button', { type: 'submit', class: 'send', testid: 'send-rating' }, t('status.rateSend'));
  const form = h('form', { class: 'form notice', novalidate: true, testid: 'rating' },
    h('h2', {}, t('status.rateQuestion')),
    h('div', { class: 'ratings', role: 'group' }, buttons),
    h('label', { for: 'comment' }, t('status.rateComment')), comment, send);
  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    if (!rating) {
      showError(t('feedback.pickRating'));
      return;
    }
    const body = { token, rating };
    if (comment.value.trim()) body.comment = comment.value.trim().slice(0, MAX_COMMENT);
    sending = true;
    send.disabled = true;
    try {
      const status = await api('/api/requests/rate', { method: 'POST', body });
      rated = rating;
      showError('');
      render(status);
    } catch (err) {
      showError(errorMessage(t, err));
    } finally {
      sending = false;
      send.disabled = false;
    }
  });
  return form;
}

function thanks(r) {
  if (!rated) return null;
  const again = r.status === 'CONSULTING';
  return h('div', { class: 'thanks', testid: 'rated', role: 'status' },
    h('div', { class: 'thanks-title' }, t('status.rated')),
    h('p', {}, t(again ? 'status.ratedAgain' : 'status.ratedClosed')));
}

function render(reply) {
  const { request: r, canRate } = reply;
  shownAs = JSON.stringify(reply);
  ratingForm = canRate ? ratingForm || ratingView() : null;
  replace(app, h('main', { class: 'phone' },
    h('h1', { class: 'title page-title' }, t('status.title')),
    error, thanks(r), summary(r), agreement(r), done(r), ratingForm, timeline(r),
    h('p', { class: 'hint', testid: 'refresh-hint' }, t('status.refreshes'))));
}

async function load() {
  replace(app, h('main', { class: 'phone' }, h('p', { class: 'loading' }, t('status.loading')), error));
  showError('');
  try {
    render(await api(`/api/requests/status/${encodeURIComponent(token)}`));
    keepFresh();
  } catch (err) {
    showLoadFailure({ app, error, showError, t, err, final: FINAL, retry: load });
  }
}

/** Reads the request again; redraws only what changed. A failed refresh keeps the page as it is. */
async function refresh() {
  try {
    const reply = await api(`/api/requests/status/${encodeURIComponent(token)}`);
    if (JSON.stringify(reply) !== shownAs) render(reply);
  } catch {
    // a weak network: the next refresh tries again
  }
}

function keepFresh() {
  clearInterval(refreshTimer);
  refreshTimer = setInterval(() => { if (document.visibilityState === 'visible') refresh(); }, REFRESH_MS);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') refresh(); });
}

if (!token) {
  replace(app, h('main', { class: 'phone' }, error));
  showError(t('error.TOKEN_INVALID'));
} else {
  load();
}
