// One notice as a board shows it: kind, title, formatted body, its picture and the QR code that
// opens the phone feedback page. Self-contained (own strings, own stylesheet) so the staff
// console's preview shows exactly what the boards show. A body too long for the card shrinks its
// type; one still too long at a readable size is cut into pages at line boundaries, shown in turn.

import { h } from '/common/dom.js';
import { pickLang, DEFAULT_LANG } from '/common/i18n.js';
import { formatNoticeBody } from '/common/notice-text.js';
import { CARD_MESSAGES } from './messages.js';
import { fitBox } from './fit-text.js';

const STYLESHEET = '/display/notice-card.css';
const lang = pickLang(CARD_MESSAGES);
const t = (key, vars = {}) => ((CARD_MESSAGES[lang] || {})[key] || CARD_MESSAGES[DEFAULT_LANG][key] || key)
  .replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
const pageBreaks = new WeakMap(); // card → the body's scroll offsets where its pages begin

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
    body,
    h('div', { class: 'notice-card__page', testid: 'notice-page', hidden: true })),
  image || qr ? h('div', { class: 'notice-card__side' }, image, qr) : null);
}

/**
 * Fits a long body to the card (the card must be in the document): its type shrinks down to
 * minScale; still too long, it is cut into pages at line boundaries, its type as large as two pages
 * allow (down to pagedMinScale; more pages below that, never clipped). Answers the number of pages;
 * showNoticePage turns them.
 */
export function fitNoticeCard(card, { minScale = 0.7, pagedMinScale = 0.55, step = 0.05 } = {}) {
  const body = card.querySelector('.notice-card__body');
  if (!body) return 1;
  unpage(card, body);
  fitBox(card.querySelector('.notice-card__title'), { min: 0.6 });
  if (fitBox(body, { min: minScale }) >= minScale && body.dataset.overflow === 'false') {
    return setPages(card, body, [0]);
  }
  let scale = minScale;
  let breaks = linePages(body);
  while (breaks.length > 2 && scale - step >= pagedMinScale - 1e-9) {
    scale -= step;
    body.style.setProperty('--fit', scale.toFixed(3));
    breaks = linePages(body);
  }
  return setPages(card, body, breaks);
}

/** Shows page i (0-based) of a paged card: the body scrolled to the page's first line, the part line at its foot hidden. */
export function showNoticePage(card, i) {
  const body = card.querySelector('.notice-card__body');
  const breaks = pageBreaks.get(card);
  if (!body || !breaks || breaks.length < 2) return;
  const page = ((i % breaks.length) + breaks.length) % breaks.length;
  body.scrollTop = breaks[page];
  const shown = page + 1 < breaks.length ? breaks[page + 1] - breaks[page] : body.clientHeight;
  body.style.clipPath = `inset(0 0 ${Math.max(0, body.clientHeight - shown)}px 0)`;
  card.dataset.page = String(page + 1);
  card.querySelector('.notice-card__page').textContent = t('page', { n: page + 1, of: breaks.length });
}

function unpage(card, body) {
  pageBreaks.delete(card);
  body.style.removeProperty('padding-bottom');
  body.style.removeProperty('clip-path');
  body.scrollTop = 0;
}

function setPages(card, body, breaks) {
  const paged = breaks.length > 1;
  card.dataset.pages = String(breaks.length);
  card.dataset.overflow = 'false';
  card.querySelector('.notice-card__page').hidden = !paged;
  if (!paged) return 1;
  // Room below the last line, so the last page can scroll to its start like every other page.
  body.style.paddingBottom = `${body.clientHeight}px`;
  pageBreaks.set(card, breaks);
  showNoticePage(card, 0);
  return breaks.length;
}

/** The body's scroll offsets at which pages begin: each page ends before the first line that would not fit whole. */
function linePages(body) {
  const height = body.clientHeight;
  const top = body.getBoundingClientRect().top - body.scrollTop + body.clientTop;
  const lines = [];
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const range = body.ownerDocument.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) lines.push({ top: r.top - top, bottom: r.bottom - top });
  }
  lines.sort((a, b) => a.top - b.top);
  const breaks = [0];
  for (const line of lines) {
    const start = breaks[breaks.length - 1];
    if (line.bottom - start > height + 0.5 && line.top > start) breaks.push(Math.floor(line.top));
  }
  return breaks;
}
