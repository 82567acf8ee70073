// The notice exactly as a board shows it: the display's own card component, in a frame whose
// viewport has a board's size (1920×1080, or 1080×1920 turned) and is scaled down to fit the
// console. A frame, not a div, so the card's stylesheet sees a board's width and orientation, and
// neither page's styles leak into the other.

import { h, replace } from '../common/dom.js';

const SIZES = { landscape: [1920, 1080], portrait: [1080, 1920] };
const STYLESHEETS = ['/display/notice-card.css', '/console/preview-frame.css'];

/** Resolves once every stylesheet of the frame has loaded (or failed): the card is measured after. */
function loadStyles(doc) {
  return Promise.all(STYLESHEETS.map((href) => new Promise((resolve) => {
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(href, location.href).href;
    link.addEventListener('load', resolve);
    link.addEventListener('error', resolve);
    doc.head.appendChild(link);
  })));
}

export function createNoticePreview({ t }) {
  let orientation = 'landscape';
  let cardModule = null;
  let failed = false;
  let latest = null;
  let scheduled = false;

  // No src: the frame keeps its first, empty document of this origin, which we fill ourselves.
  const board = h('iframe', { class: 'preview-board', title: t('preview.title'), tabIndex: -1, testid: 'notice-preview-board' });
  const frame = h('div', { class: 'preview-frame', testid: 'notice-preview' }, board);
  const landscape = h('button', { type: 'button', class: 'btn btn-small', testid: 'notice-preview-landscape', onclick: () => turn('landscape') }, t('preview.landscape'));
  const portrait = h('button', { type: 'button', class: 'btn btn-small', testid: 'notice-preview-portrait', onclick: () => turn('portrait') }, t('preview.portrait'));
  const el = h('section', { class: 'panel preview' },
    h('div', { class: 'panel-head' }, h('h2', {}, t('preview.title')), h('span', { class: 'spacer' }), landscape, portrait),
    frame);

  let stylesReady = null;
  function boardDocument() {
    const doc = board.contentDocument;
    if (!doc) return null;
    if (!doc.body.dataset.ready) {
      doc.body.dataset.ready = 'true';
      doc.documentElement.lang = document.documentElement.lang;
      stylesReady = loadStyles(doc);
    }
    return doc;
  }

  import('../display/notice-card.js')
    .then((m) => { cardModule = m; schedule(); })
    .catch((err) => { failed = true; console.warn('preview:', err && err.message); schedule(); });

  new ResizeObserver(() => fit()).observe(frame);

  function turn(next) {
    orientation = next;
    fit();
    schedule(); // the card is measured again for the new shape
  }

  // CSSOM style assignments are allowed by the page's CSP (only style attributes in markup are not).
  function fit() {
    const [w, hgt] = SIZES[orientation];
    frame.dataset.orientation = orientation;
    landscape.setAttribute('aria-pressed', String(orientation === 'landscape'));
    portrait.setAttribute('aria-pressed', String(orientation === 'portrait'));
    board.style.width = `${w}px`;
    board.style.height = `${hgt}px`;
    board.style.transform = `scale(${Math.min(frame.clientWidth / w, frame.clientHeight / hgt) || 0})`;
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(async () => {
      scheduled = false;
      const doc = boardDocument();
      if (!doc) return;
      await stylesReady;
      draw(doc);
    });
  }

  function draw(doc) {
    if (failed) {
      replace(doc.body, h('p', { class: 'preview-missing' }, t('preview.unavailable')));
      return;
    }
    if (!cardModule || !latest) return;
    const { notice, boardName, qrSrc } = latest;
    try {
      const card = cardModule.createNoticeCard(notice, { qrSrc, boardName });
      replace(doc.body, card);
      // Long notices shrink their type on the boards; measured in a board-sized viewport, alike here.
      if (typeof cardModule.fitNoticeCard === 'function') cardModule.fitNoticeCard(card);
    } catch (err) {
      console.warn('preview:', err && err.message);
      replace(doc.body, h('p', { class: 'preview-missing' }, t('preview.unavailable')));
    }
  }

  fit();
  return {
    el,
    /** notice in the display's shape; qrSrc null while the notice has no QR token (unsaved). */
    show(notice, { boardName, qrSrc = null }) {
      latest = { notice, boardName, qrSrc };
      schedule();
    },
  };
}
