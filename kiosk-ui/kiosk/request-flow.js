// 我要反映 at the kiosk: a resident who is not at the meeting files a request by tapping, one
// choice per screen — kind, grid, building, what, name and phone (both optional), confirm — and
// leaves with its number and a QR code to follow it. The server decides whether it is valid.

import { h, replace } from '../common/dom.js';
import { IDLE_MS } from './idle.js'; // a flow left half done goes back to the start
import {
  kindStep, gridStep, buildingStep, whatStep, contactStep, confirmStep, resultStep, whatOf,
} from './request-steps.js';

const STEPS = ['kind', 'grid', 'building', 'what', 'contact', 'confirm'];
const RESULT_SHOWN_MS = 60000; // the number and QR stay a minute, long enough to scan

/**
 * ask(action, params): sends to request.cmd, shows its error and answers null on failure.
 * onDone(): back to the kiosk's first screen.
 */
export function createRequestFlow({ t, ask, showError, onDone }) {
  const body = h('section', { class: 'request-body' });
  const nav = h('div', { class: 'row request-nav' });
  const el = h('main', { class: 'screen request', testid: 'request-flow' }, body, nav);
  let state = null;
  let lastTouch = Date.now();
  el.addEventListener('pointerdown', () => { lastTouch = Date.now(); }, { capture: true });
  el.addEventListener('keydown', () => { lastTouch = Date.now(); }, { capture: true });

  function go(step) {
    state.step = step;
    state.shownAt = Date.now();
    render();
    window.scrollTo(0, 0);
  }

  const next = () => go(STEPS[STEPS.indexOf(state.step) + 1]);
  const back = () => (state.step === 'kind' ? onDone() : go(STEPS[STEPS.indexOf(state.step) - 1]));

  const actions = {
    kind: { pick: (kind) => { if (kind !== state.kind) state.phrases = []; state.kind = kind; next(); } },
    grid: { pick: (grid) => { state.gridId = grid.id; next(); } },
    building: { pick: (building) => { state.building = building; next(); } },
    what: {
      toggle: (p) => {
        state.phrases = state.phrases.includes(p) ? state.phrases.filter((x) => x !== p) : [...state.phrases, p];
        render();
      },
      typed: (text) => { state.text = text; },
      next,
      showError,
    },
    contact: { save: (name, phone) => { state.name = name; state.phone = phone; }, next, showError },
    confirm: { submit },
  };
  const builders = {
    kind: kindStep, grid: gridStep, building: buildingStep, what: whatStep, contact: contactStep, confirm: confirmStep,
  };

  async function submit() {
    if (state.sending) return;
    state.sending = true;
    const params = { kind: state.kind, what: whatOf(t, state), gridId: state.gridId };
    if (state.building) params.building = state.building;
    if (state.name) params.name = state.name;
    if (state.phone) params.phone = state.phone;
    const reply = await ask('fileRequest', params);
    state.sending = false;
    if (reply && reply.number) {
      state.filed = reply;
      go('result');
    }
  }

  async function load() {
    state = { step: 'loading', shownAt: Date.now() };
    render();
    const form = await ask('requestForm', {});
    if (!state || state.step !== 'loading') return;
    if (!form || !Array.isArray(form.kinds) || !form.kinds.length) {
      state.step = 'failed';
      render();
      return;
    }
    state = {
      form, kind: null, gridId: null, building: null, phrases: [], text: '', name: '', phone: '', filed: null,
    };
    go('kind');
  }

  function render() {
    if (state.step === 'loading') {
      replace(body, h('h1', { class: 'request-title' }, t('request.loading')));
      replace(nav, h('button', { class: 'btn btn-secondary', testid: 'request-cancel', onclick: onDone }, t('request.cancel')));
      return;
    }
    if (state.step === 'failed') {
      replace(body, h('h1', { class: 'request-title' }, t('request.loadFailed')));
      replace(nav,
        h('button', { class: 'btn btn-primary', testid: 'request-retry', onclick: load }, t('request.retry')),
        h('button', { class: 'btn btn-secondary', testid: 'request-cancel', onclick: onDone }, t('request.cancel')));
      return;
    }
    if (state.step === 'result') {
      replace(body, resultStep(t, state.filed, { finish: onDone }));
      replace(nav);
      return;
    }
    replace(body, builders[state.step](t, state, actions[state.step]));
    replace(nav,
      h('button', { class: 'btn btn-secondary', testid: 'request-back', onclick: back }, t('request.back')),
      h('button', { class: 'btn btn-quiet', testid: 'request-cancel', onclick: onDone }, t('request.cancel')));
  }

  return {
    el,
    /** Starts afresh each time the kiosk opens the flow. */
    start() {
      lastTouch = Date.now();
      load();
    },
    tick() {
      if (!state) return;
      const now = Date.now();
      if (state.step === 'result' ? now - state.shownAt >= RESULT_SHOWN_MS : now - lastTouch >= IDLE_MS) {
        state = null;
        onDone();
      }
    },
    update() {},
  };
}
