// The notice exactly as a board shows it: the board's own screen (display-ui/signage.js, with its
// top bar, report code, card, type fitting and pages) and the board's own stylesheets, in a frame
// whose viewport has a board's size (1920×1080, or 1080×1920 turned), scaled down to fit the
// console. A frame, not a div, so the stylesheets see a board's width and orientation, and neither
// page's styles leak into the other. Truthful by construction: nothing here lays the card out.

import { h, replace } from '../common/dom.js';

const SIZES = { landscape: [1920, 1080], portrait: [1080, 1920] };
const FRAME_STYLESHEET = '/console/preview-frame.css';
// Stands in for a QR code not made yet (an unsaved notice, the board's report code): same box.
const QR_PLACEHOLDER = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"%3E'
  + '%3Crect width="1" height="1" fill="%23d9d9d9"/%3E%3C/svg%3E';

/** Resolves once every stylesheet of the frame has loaded (or failed): the card is measured after. */
function loadStyles(doc, hrefs) {
  return Promise.all(hrefs.map((href) => new Promise((resolve) => {
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(href, location.href).href;
    link.addEventListener('load', resolve);
    link.addEventListener('error', resolve);
    doc.head.appendChild(link);
  })));
}

/** The board's modules, loaded once: its screen, its strings and the console's language. */
async function loadBoard(lang) {
  const [signage, messages, i18n] = await Promise.all([
    import('/display/signage.js'), import('/display/messages.js'), import('/common/i18n.js')]);
  return { signage, t: i18n.createI18n(messages.MESSAGES, lang) };
}

export function createNoticePreview({ t }) {
  let orientation = 'landscape';
  let board = null; // {signage, t} once loaded
  let screen = null; // the board screen inside the frame
  let failed = false;
  let latest = null;
  let scheduled = false;

  // No src: the frame keeps its first, empty document of this origin, which we fill ourselves.
  const frameEl = h('iframe', { class: 'preview-board', title: t('preview.title'), tabIndex: -1, testid: 'notice-preview-board' });
  const frame = h('div', { class: 'preview-frame', testid: 'notice-preview' }, frameEl);
  const landscape = h('button', { type: 'button', class: 'btn btn-small', testid: 'notice-preview-landscape', onclick: () => turn('landscape') }, t('preview.landscape'));
  const portrait = h('button', { type: 'button', class: 'btn btn-small', testid: 'notice-preview-portrait', onclick: () => turn('portrait') }, t('preview.portrait'));
  const el = h('section', { class: 'panel preview' },
    h('div', { class: 'panel-head' }, h('h2', {}, t('preview.title')), h('span', { class: 'spacer' }), landscape, portrait),
    frame);

  let stylesReady = null;
  function boardDocument() {
    const doc = frameEl.contentDocument;
    if (!doc) return null;
    if (!doc.body.dataset.ready) {
      doc.body.dataset.ready = 'true';
      doc.documentElement.lang = document.documentElement.lang;
      stylesReady = loadStyles(doc, [...board.signage.BOARD_STYLESHEETS, FRAME_STYLESHEET]);
    }
    return doc;
  }

  loadBoard(t.lang)
    .then((loaded) => { board = loaded; schedule(); })
    .catch((err) => { failed = true; console.warn('preview:', err && err.message); schedule(); });

  new ResizeObserver(() => fit()).observe(frame);

  function turn(next) {
    orientation = next;
    fit(); // the frame's own resize event has the board screen fit the card again
  }

  // CSSOM style assignments are allowed by the page's CSP (only style attributes in markup are not).
  function fit() {
    const [w, hgt] = SIZES[orientation];
    frame.dataset.orientation = orientation;
    landscape.setAttribute('aria-pressed', String(orientation === 'landscape'));
    portrait.setAttribute('aria-pressed', String(orientation === 'portrait'));
    frameEl.style.width = `${w}px`;
    frameEl.style.height = `${hgt}px`;
    frameEl.style.transform = `scale(${Math.min(frame.clientWidth / w, frame.clientHeight / hgt) || 0})`;
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(async () => {
      scheduled = false;
      if (failed) {
        const doc = frameEl.contentDocument;
        if (doc) replace(doc.body, h('p', { class: 'preview-missing' }, t('preview.unavailable')));
        return;
      }
      if (!board || !latest) return;
      const doc = boardDocument();
      if (!doc) return;
      await stylesReady;
      draw(doc);
    });
  }

  function draw(doc) {
    try {
      if (!screen) {
        screen = board.signage.createSignage(board.t, { view: frameEl.contentWindow });
        replace(doc.body, h('div', { id: 'app' }, screen.el));
        doc.body.dataset.mode = 'signage';
      }
      const { notice, boardName, qrSrc } = latest;
      screen.preview(notice, { boardName, qrSrc: qrSrc || QR_PLACEHOLDER, reportSrc: QR_PLACEHOLDER });
    } catch (err) {
      console.warn('preview:', err && err.message);
      replace(doc.body, h('p', { class: 'preview-missing' }, t('preview.unavailable')));
      screen = null;
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
