// The page an invited member's own link opens (/o/<token>): the question of a written or online
// round (书面协商, 网络协商), the deadline, three big choices and a few words. Until the deadline a
// new answer replaces the earlier one; the server keeps the deadline and says when it has passed.

import { h, replace } from '/common/dom.js';
import { createI18n } from '/common/i18n.js';
import { api, tokenFromPath, errorMessage } from './http.js';
import { createErrorLine, showLoadFailure } from './load-failure.js';
import { ROUND_MESSAGES } from './round-messages.js';

const VIEWS = ['FOR', 'AGAINST', 'ABSTAIN'];
const MAX_COMMENT = 300;
const FINAL = ['TOKEN_INVALID', 'ROUND_CLOSED', 'NOT_INVITED'];

const t = createI18n(ROUND_MESSAGES);
document.title = t('title');
const app = document.getElementById('app');
const token = tokenFromPath('o');
const { el: error, show: showError } = createErrorLine();
const path = `/api/rounds/${encodeURIComponent(token)}`;

function when(ms) {
  return new Intl.DateTimeFormat(t.lang, { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })
    .format(new Date(ms));
}

function header(form) {
  return [
    h('p', { class: 'board', testid: 'round-name' }, t('hello', { name: form.name })),
    h('div', { class: 'kind' }, form.meetingTitle || ''),
    h('h1', { class: 'title', testid: 'round-question' }, form.question),
    h('p', {}, t('matter', { title: form.matterTitle })),
    h('p', { testid: 'round-deadline' }, form.open ? t('closesAt', { time: when(form.closesAt) }) : t('closed')),
  ];
}

function show(form) {
  let chosen = form.view;
  const buttons = VIEWS.map((v) => h('button', {
    type: 'button', class: `rate rate-${v === 'FOR' ? 'SATISFIED' : v === 'AGAINST' ? 'UNSATISFIED' : 'BASIC'}`,
    testid: `round-${v}`, 'aria-pressed': String(v === chosen), disabled: !form.open,
    onclick: () => { chosen = v; buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(VIEWS[i] === v))); },
  }, t(v)));
  const comment = h('textarea', { id: 'round-comment', testid: 'round-comment', maxLength: MAX_COMMENT, rows: 4, disabled: !form.open });
  comment.value = form.comment || '';
  const mine = form.view ? h('div', { class: 'mine', testid: 'round-mine', role: 'status' },
    h('strong', {}, t('mine', { view: t(form.view) })), form.open ? h('p', {}, t('replaces')) : null) : null;
  const send = h('button', { type: 'submit', class: 'send', testid: 'round-send', hidden: !form.open }, t('send'));

  async function onSubmit(event) {
    event.preventDefault();
    if (!chosen) return showError(t('pick'));
    send.disabled = true;
    showError('');
    try {
      await api(path, { method: 'POST', body: { view: chosen, comment: comment.value.trim() } });
      replace(app, h('main', { class: 'phone' }, ...header(form),
        h('div', { class: 'mine', testid: 'round-thanks', role: 'status' }, h('strong', {}, t('thanks')),
          h('p', {}, t('mine', { view: t(chosen) })))));
    } catch (err) {
      showError(errorMessage(t, err));
    } finally {
      send.disabled = false;
    }
  }

  replace(app, h('main', { class: 'phone' }, ...header(form), mine,
    h('form', { class: 'form', onsubmit: onSubmit },
      h('div', { class: 'ratings', role: 'group' }, buttons),
      h('label', { htmlFor: 'round-comment' }, t('comment')), comment,
      error, send)));
}

async function load() {
  try {
    show(await api(path));
  } catch (err) {
    showLoadFailure({ app, error, showError, t, err, final: FINAL, retry: load });
  }
}

load();
