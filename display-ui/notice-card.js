// One notice as a board shows it: kind, title, formatted body, its picture and the QR code that
// opens the phone feedback page. Self-contained (own strings, own stylesheet) so the staff
// console's preview shows exactly what the boards show.

import { h } from '/common/dom.js';
import { pickLang, DEFAULT_LANG } from '/common/i18n.js';
import { formatNoticeBody } from '/common/notice-text.js';
import { CARD_MESSAGES } from './messages.js';

const STYLESHEET = '/display/notice-card.css';
const lang = pickLang(CARD_MESSAGES);
const t = (key) => (CARD_MESSAGES[lang] || {})[key] || CARD_MESSAGES[DEFAULT_LANG][key] || key;

function ensureStylesheet() {
  const present = [...document.querySelectorAll('link[rel="stylesheet"]')]
    .some((link) => link.getAttribute('href') === STYLESHEET);
  if (!present) document.head.appendChild(h('link', { rel: 'stylesheet', href: STYLESHEET }));
}

/**
 * notice: {id, kind, title, body, imageId, urgent}; qrSrc: the QR image URL or null; boardName:
 * the board's name, shown small under the QR. Answers a div.notice-card.
 */
export function createNoticeCard(notice, { qrSrc = null, boardName = null } = {}) {
  ensureStylesheet();
  const kind = notice.kind || 'PUBLICITY';
  const image = notice.imageId
    ? h('img', { class: 'notice-card__image', src: `/media/${encodeURIComponent(notice.imageId)}`, alt: '' })
    : null;
  const qr = qrSrc
    ? h('figure', { class: 'notice-card__qr' },
      h('img', { src: qrSrc, alt: t('qr.line'), testid: 'notice-qr', width: 400, height: 400 }),
      h('figcaption', {}, h('span', { class: 'notice-card__qr-line' }, t('qr.line')),
        boardName ? h('span', { class: 'notice-card__board' }, boardName) : null))
    : null;
  const body = h('div', { class: 'notice-card__body', testid: 'notice-body' });
  body.appendChild(formatNoticeBody(notice.body));
  return h('article', {
    class: ['notice-card', image && 'notice-card--image', qr && 'notice-card--qr'],
    dataset: { noticeId: notice.id || '', kind, urgent: String(!!notice.urgent) },
  },
  h('div', { class: 'notice-card__text' },
    h('div', { class: 'notice-card__kind' },
      notice.urgent ? h('span', { class: 'notice-card__urgent' }, t('urgent')) : null,
      t(`kind.${kind}`)),
    h('h1', { class: 'notice-card__title', testid: 'notice-title' }, notice.title || ''),
    body),
  image || qr ? h('div', { class: 'notice-card__side' }, image, qr) : null);
}

/**
 * Shrinks the body's type step by step until the card fits its box (long notices), down to a
 * floor that stays readable; the card must be in the document. The QR leads to the full text.
 */
export function fitNoticeCard(card, { minScale = 0.7, step = 0.05 } = {}) {
  const body = card.querySelector('.notice-card__body');
  if (!body) return;
  let scale = 1;
  body.style.setProperty('--fit', '1');
  while (body.scrollHeight > body.clientHeight + 1 && scale - step >= minScale) {
    scale -= step;
    body.style.setProperty('--fit', scale.toFixed(2));
  }
  card.dataset.overflow = String(body.scrollHeight > body.clientHeight + 1);
}
