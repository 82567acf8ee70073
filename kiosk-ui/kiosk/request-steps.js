// The screens of 我要反映 at the kiosk, one choice per screen. Each builder takes the flow's
// state and its callbacks and answers the screen's children; none of them keeps state of its own.

import { h } from '../common/dom.js';

export const BUILDINGS = Array.from({ length: 20 }, (_, i) => `${i + 1}号楼`);
const PHONE = /^[0-9+ -]{5,20}$/;
export const MAX_WHAT = 500;

function title(t, key, step) {
  return [
    h('p', { class: 'request-step-count' }, t('request.stepOf', { n: step, total: 6 })),
    h('h1', { class: 'request-title', testid: 'request-title' }, t(key)),
  ];
}

function choiceGrid(items, { testid, label, pressed, onPick, className = 'request-choices' }) {
  return h('div', { class: className }, items.map((item, i) => h('button', {
    class: 'btn btn-choice-big', testid: testid(item, i), 'aria-pressed': String(pressed(item)),
    onclick: () => onPick(item),
  }, label(item))));
}

export function kindStep(t, state, { pick }) {
  return [
    ...title(t, 'request.kindTitle', 1),
    choiceGrid(state.form.kinds, {
      testid: (k, i) => `request-kind-${i}`, label: (k) => k, pressed: (k) => k === state.kind, onPick: pick,
    }),
  ];
}

export function gridStep(t, state, { pick }) {
  return [
    ...title(t, 'request.gridTitle', 2),
    choiceGrid(state.form.grids, {
      testid: (g) => `request-grid-${g.id}`, label: (g) => g.name, pressed: (g) => g.id === state.gridId, onPick: pick,
    }),
  ];
}

export function buildingStep(t, state, { pick }) {
  return [
    ...title(t, 'request.buildingTitle', 3),
    choiceGrid(BUILDINGS, {
      testid: (b, i) => `request-building-${i + 1}`, label: (b) => b, pressed: (b) => b === state.building,
      onPick: pick, className: 'request-numbers',
    }),
    h('button', { class: 'btn btn-secondary btn-wide', testid: 'request-building-skip', onclick: () => pick(null) },
      t('request.skip')),
  ];
}

/** The common phrases of a kind (from the message table), or none for a kind staff added later. */
export function phrasesOf(t, kind) {
  const key = `request.phrases.${kind}`;
  const list = t.has(key) ? t(key) : [];
  return Array.isArray(list) ? list : [];
}

/** What the resident tapped and typed, as one text. */
export function whatOf(t, state) {
  return [...state.phrases, state.text.trim()].filter(Boolean).join(t('request.joiner')).slice(0, MAX_WHAT);
}

export function whatStep(t, state, { toggle, typed, next, showError }) {
  const phrases = phrasesOf(t, state.kind);
  const field = h('textarea', {
    class: 'name-input request-text', testid: 'request-text', id: 'request-text', rows: 2, maxLength: MAX_WHAT,
    autocomplete: 'off', value: state.text, oninput: () => typed(field.value),
  });
  const done = () => (whatOf(t, state) ? next() : showError(t('request.needWhat')));
  return [
    ...title(t, 'request.whatTitle', 4),
    phrases.length ? h('p', { class: 'status-text' }, t('request.whatHint')) : null,
    choiceGrid(phrases, {
      testid: (p, i) => `request-phrase-${i}`, label: (p) => p, pressed: (p) => state.phrases.includes(p), onPick: toggle,
    }),
    h('label', { class: 'field-label', htmlFor: 'request-text' }, t(phrases.length ? 'request.textMore' : 'request.textOnly')),
    field,
    h('button', { class: 'btn btn-primary btn-huge', testid: 'request-what-next', onclick: done }, t('request.next')),
  ];
}

export function contactStep(t, state, { save, next, showError }) {
  const name = h('input', {
    class: 'name-input', testid: 'request-name', id: 'request-name', type: 'text', maxLength: 20,
    autocomplete: 'off', value: state.name,
  });
  const phone = h('input', {
    class: 'name-input', testid: 'request-phone', id: 'request-phone', type: 'tel', inputMode: 'tel', maxLength: 20,
    autocomplete: 'off', value: state.phone,
  });
  function done() {
    const digits = phone.value.trim();
    if (digits && !PHONE.test(digits)) {
      showError(t('request.phoneInvalid'));
      phone.focus();
      return;
    }
    save(name.value.trim(), digits);
    next();
  }
  return [
    ...title(t, 'request.contactTitle', 5),
    h('p', { class: 'status-text' }, t('request.contactHint')),
    h('label', { class: 'field-label', htmlFor: 'request-name' }, t('request.name')), name,
    h('label', { class: 'field-label', htmlFor: 'request-phone' }, t('request.phone')), phone,
    h('div', { class: 'row' },
      h('button', { class: 'btn btn-primary', testid: 'request-contact-next', onclick: done }, t('request.next')),
      h('button', { class: 'btn btn-secondary', testid: 'request-contact-skip', onclick: () => { save('', ''); next(); } },
        t('request.skip'))),
  ];
}

export function confirmStep(t, state, { submit }) {
  const grid = state.form.grids.find((g) => g.id === state.gridId);
  const rows = [
    ['request.kind', state.kind],
    ['request.grid', grid ? grid.name : ''],
    ['request.building', state.building || t('request.notGiven')],
    ['request.what', whatOf(t, state)],
    ['request.name', state.name || t('request.notGiven')],
    ['request.phone', state.phone || t('request.notGiven')],
  ];
  return [
    ...title(t, 'request.confirmTitle', 6),
    h('dl', { class: 'request-summary', testid: 'request-summary' }, rows.map(([label, value]) => [
      h('dt', {}, t(label)), h('dd', {}, value)])),
    h('button', { class: 'btn btn-primary btn-huge', testid: 'request-submit', onclick: submit }, t('request.submit')),
  ];
}

export function resultStep(t, filed, { finish }) {
  return [
    h('h1', { class: 'request-title request-done' }, t('request.doneTitle')),
    h('p', { class: 'request-number-label' }, t('request.numberLabel')),
    h('p', { class: 'request-number', testid: 'request-number' }, filed.number),
    h('figure', { class: 'request-qr' },
      h('img', { src: `/qr/${encodeURIComponent(filed.statusToken)}.svg`, alt: t('request.qr'), testid: 'request-qr', width: 280, height: 280 }),
      h('figcaption', {}, t('request.qr'))),
    h('p', { class: 'status-text' }, t('request.doneBody')),
    h('button', { class: 'btn btn-primary btn-huge', testid: 'request-finish', onclick: finish }, t('request.finish')),
  ];
}
