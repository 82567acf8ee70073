// The notice exactly as a board shows it: the display's own card component, drawn on a stage of
// a board's size (1920×1080, or 1080×1920 turned) and scaled down to fit the console.

import { h, replace } from '../common/dom.js';

const SIZES = { landscape: [1920, 1080], portrait: [1080, 1920] };

export function createNoticePreview({ t }) {
  let orientation = 'landscape';
  let cardModule = null;
  let failed = false;
  let latest = null;
  let scheduled = false;

  const stage = h('div', { class: 'preview-stage', testid: 'notice-preview-stage' });
  const frame = h('div', { class: 'preview-frame', testid: 'notice-preview' }, stage);
  const landscape = h('button', { type: 'button', class: 'btn btn-small', testid: 'notice-preview-landscape', onclick: () => turn('landscape') }, t('preview.landscape'));
  const portrait = h('button', { type: 'button', class: 'btn btn-small', testid: 'notice-preview-portrait', onclick: () => turn('portrait') }, t('preview.portrait'));
  const el = h('section', { class: 'panel preview' },
    h('div', { class: 'panel-head' }, h('h2', {}, t('preview.title')), h('span', { class: 'spacer' }), landscape, portrait),
    frame);

  import('../display/notice-card.js')
    .then((m) => { cardModule = m; schedule(); })
    .catch((err) => { failed = true; console.warn('preview:', err && err.message); schedule(); });

  new ResizeObserver(() => fit()).observe(frame);

  function turn(next) {
    orientation = next;
    fit();
    schedule(); // the card lays itself out for the stage's shape
  }

  // CSSOM style assignments are allowed by the page's CSP (only style attributes in markup are not).
  function fit() {
    const [w, hgt] = SIZES[orientation];
    frame.dataset.orientation = orientation;
    landscape.setAttribute('aria-pressed', String(orientation === 'landscape'));
    portrait.setAttribute('aria-pressed', String(orientation === 'portrait'));
    stage.style.width = `${w}px`;
    stage.style.height = `${hgt}px`;
    const scale = frame.clientWidth / w || 0;
    stage.style.transform = `scale(${scale})`;
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      draw();
    });
  }

  function draw() {
    if (failed) {
      replace(stage, h('p', { class: 'preview-missing' }, t('preview.unavailable')));
      return;
    }
    if (!cardModule || !latest) return;
    const { notice, boardName, qrSrc } = latest;
    try {
      const card = cardModule.createNoticeCard(notice, { qrSrc, boardName });
      replace(stage, card);
      // A long notice shrinks its type on the boards; the stage has a board's size, so it fits alike.
      if (typeof cardModule.fitNoticeCard === 'function') cardModule.fitNoticeCard(card);
    } catch (err) {
      console.warn('preview:', err && err.message);
      replace(stage, h('p', { class: 'preview-missing' }, t('preview.unavailable')));
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
