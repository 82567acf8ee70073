// The page a QR code on a notice board opens (/f/<token>): the notice in full, a rating in one
// tap, an optional comment and phone number, sent once with the ticket the server handed out. A
// phone has one rating per notice: opened again, the page shows it and says a new one replaces it.

import { h, replace } from '/common/dom.js';
import { createI18n } from '/common/i18n.js';
import { formatNoticeBody } from '/common/notice-text.js';
import { api, tokenFromPath, errorMessage } from './http.js';
import { createErrorLine, showLoadFailure } from './load-failure.js';
import { MESSAGES } from './messages.js';

const RATINGS = ['SATISFIED', 'BASIC', 'UNSATISFIED'];
const MAX_COMMENT = 500;
const PHONE = /^\d{5,20}$/;
// After these the form cannot succeed any more; other failures leave it to try again.
const FINAL = ['TOKEN_INVALID', 'NOTICE_WITHDRAWN', 'TICKET_USED'];

const t = createI18n(MESSAGES);
document.title = t('feedback.title');
const app = document.getElementById('app');
const token = tokenFromPath('f');
const { el: error, show: showError } = createErrorLine();

function noticeView(notice, board) {
  const body = h('div', { class: 'notice-body', testid: 'notice-body' });
  body.appendChild(formatNoticeBody(notice.body));
  return h('article', { class: 'notice' },
    board ? h('div', { class: 'board', testid: 'board' }, [board.gridName, board.name].filter(Boolean).join(' · ')) : null,
    h('div', { class: 'kind' }, t(`feedback.kind.${notice.kind}`)),
    h('h1', { class: 'title', testid: 'notice-title' }, notice.title || ''),
    body,
    notice.imageId ? h('img', { class: 'picture', src: `/media/${encodeURIComponent(notice.imageId)}`, alt: '' }) : null);
}

/** What this phone said before, if anything: the server counts only the latest. */
function mineView(mine) {
  if (!mine || !RATINGS.includes(mine.rating)) return null;
  return h('div', { class: 'mine', testid: 'mine', role: 'status' },
    h('strong', {}, t('feedback.mine', { rating: t(`feedback.${mine.rating}`) })),
    h('p', {}, t('feedback.replaces')));
}

function formView(ticket, mine) {
  const earlier = mineView(mine);
  const sendLabel = earlier ? t('feedback.sendAgain') : t('feedback.send');
  let rating = null;
  let sending = false;
  const pick = (r) => {
    rating = r;
    buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(RATINGS[i] === r)));
  };
  const buttons = RATINGS.map((r) => h('button', {
    type: 'button', class: `rate rate-${r}`, testid: `rate-${r}`, 'aria-pressed': 'false',
    onclick: () => {
      pick(r);
      showError('');
    },
  }, t(`feedback.${r}`)));
  if (earlier) pick(mine.rating);
  const count = h('span', { class: 'count' }, t('feedback.count', { n: 0 }));
  const comment = h('textarea', {
    id: 'comment', testid: 'comment', maxLength: MAX_COMMENT, rows: 4,
    oninput: () => { count.textContent = t('feedback.count', { n: comment.value.length }); },
  });
  const phone = h('input', { id: 'phone', testid: 'phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxLength: 24 });
  const send = h('button', { type: 'submit', class: 'send', testid: 'send' }, sendLabel);
  const form = h('form', { class: 'form', novalidate: true },
    h('h2', {}, t('feedback.question')),
    earlier,
    h('div', { class: 'ratings', role: 'group' }, buttons),
    h('label', { for: 'comment' }, t('feedback.comment'), count), comment,
    h('label', { for: 'phone' }, t('feedback.phone')), phone,
    send);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    if (!rating) return showError(t('feedback.pickRating'));
    const digits = phone.value.replace(/[\s-]/g, '');
    if (digits && !PHONE.test(digits)) return showError(t('feedback.phoneInvalid'));
    const body = { token, ticket, rating };
    if (comment.value.trim()) body.comment = comment.value.trim().slice(0, MAX_COMMENT);
    if (digits) body.phone = digits;
    sending = true;
    send.disabled = true;
    send.textContent = t('feedback.sending');
    try {
      const { replaced } = await api('/api/feedback', { method: 'POST', body });
      replace(form, h('div', { class: 'thanks', testid: 'thanks', role: 'status' },
        h('div', { class: 'thanks-title' }, t(replaced ? 'feedback.updated' : 'feedback.thanks')),
        h('p', {}, replaced ? t('feedback.updatedBody', { rating: t(`feedback.${rating}`) }) : t('feedback.thanksBody'))));
      showError('');
    } catch (err) {
      showError(errorMessage(t, err));
      if (FINAL.includes(err.code)) form.hidden = true;
    } finally {
      sending = false;
      send.disabled = false;
      send.textContent = sendLabel;
    }
    return undefined;
  });
  return form;
}

async function load() {
  replace(app, h('main', { class: 'phone' }, h('p', { class: 'loading' }, t('feedback.loading')), error));
  showError('');
  try {
    const { notice, board, ticket, mine } = await api(`/api/feedback/${encodeURIComponent(token)}`);
    replace(app, h('main', { class: 'phone' }, noticeView(notice, board), error, formView(ticket, mine)));
  } catch (err) {
    showLoadFailure({ app, error, showError, t, err, final: FINAL, retry: load });
  }
}

if (!token) {
  replace(app, h('main', { class: 'phone' }, error));
  showError(t('error.TOKEN_INVALID'));
} else {
  load();
}
