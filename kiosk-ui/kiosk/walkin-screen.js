// Walk-in: a resident who was not invited says who they are by tapping — surname, how to address
// them (王阿姨, 李师傅), who they are — and taps 提交; nothing is chosen for them. Writing the name
// instead stays possible for a surname that is not listed. The server registers and checks them in
// on this kiosk.

import { h, replace } from '../common/dom.js';
import { KIND_ORDER } from '../common/kinds.js';

// Residents first: that is who walks in; the other kinds follow for uninvited representatives.
const WALK_IN_KINDS = ['RESIDENT', ...KIND_ORDER.filter((k) => k !== 'RESIDENT')];
// The most common surnames, enough for most people in a neighbourhood.
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'];
const MAX_NAME = 20;

export function createWalkInScreen({ t, act, showError, onDone, onBack }) {
  const body = h('section', { class: 'walkin-body' });
  const el = h('main', { class: 'screen walkin fit' }, h('h1', {}, t('walkIn.title')), body);
  let state = { step: 'surname', surname: null, title: null, typed: null, kind: null };

  const set = (change) => () => { Object.assign(state, change); render(); };
  const name = () => state.typed || (state.surname && state.title ? state.surname + t(`walkIn.call.${state.title}`) : '');

  function surnameStep() {
    return [
      h('h2', { class: 'walkin-question' }, t('walkIn.surnameQuestion')),
      h('div', { class: 'surname-grid' }, SURNAMES.map((s) => h('button', {
        class: 'btn btn-name btn-surname', testid: `walkin-surname-${s}`, onclick: set({ surname: s, typed: null, step: 'title' }),
      }, s))),
      h('div', { class: 'row' },
        h('button', { class: 'btn btn-secondary', testid: 'walkin-write', onclick: set({ step: 'write' }) }, t('walkIn.write')),
        h('button', { class: 'btn btn-secondary', testid: 'walkin-back', onclick: onBack }, t('walkIn.back'))),
    ];
  }

  function titleStep() {
    return [
      h('h2', { class: 'walkin-question' }, t('walkIn.callQuestion')),
      h('div', { class: 'choice-grid' }, ['AUNT', 'UNCLE', 'MR', 'MS', 'MASTER', 'SISTER'].map((k) => h('button', {
        class: 'btn btn-name', testid: `walkin-title-${k}`, onclick: set({ title: k, step: 'kind' }),
      }, state.surname + t(`walkIn.call.${k}`)))),
      h('div', { class: 'row' },
        h('button', { class: 'btn btn-secondary', testid: 'walkin-back', onclick: set({ step: 'surname', title: null }) }, t('walkIn.previous'))),
    ];
  }

  function writeStep() {
    const input = h('input', {
      class: 'name-input', testid: 'walkin-name', id: 'walkin-name', type: 'text',
      maxLength: MAX_NAME, autocomplete: 'off', enterKeyHint: 'done', value: state.typed || '',
    });
    const done = () => {
      const value = input.value.trim();
      if (!value) {
        showError(t('walkIn.needName'));
        input.focus();
        return;
      }
      set({ typed: value, step: 'kind' })();
    };
    return [
      h('label', { class: 'walkin-question', htmlFor: 'walkin-name' }, t('walkIn.nameLabel')),
      input,
      h('div', { class: 'row' },
        h('button', { class: 'btn btn-primary', testid: 'walkin-name-done', onclick: done }, t('walkIn.next')),
        h('button', { class: 'btn btn-secondary', testid: 'walkin-back', onclick: set({ step: 'surname', typed: null }) }, t('walkIn.previous'))),
    ];
  }

  function kindStep() {
    return [
      h('p', { class: 'walkin-name', testid: 'walkin-who' }, name()),
      h('h2', { class: 'walkin-question' }, t('walkIn.kindLabel')),
      h('div', { class: 'choice-grid' }, WALK_IN_KINDS.map((kind) => h('button', {
        class: 'btn btn-name btn-toggle', testid: `walkin-kind-${kind}`, 'aria-pressed': String(state.kind === kind),
        onclick: set({ kind }),
      }, t(`kind.${kind}`)))),
      h('div', { class: 'row' },
        h('button', { class: 'btn btn-primary btn-submit', testid: 'walkin-submit', disabled: !state.kind, onclick: submit },
          state.kind ? t('walkIn.submit') : t('walkIn.pickKindFirst')),
        h('button', { class: 'btn btn-secondary', testid: 'walkin-back', onclick: set({ step: state.typed ? 'write' : 'title', kind: null }) }, t('walkIn.previous'))),
    ];
  }

  async function submit() {
    if (!state.kind || !name()) return;
    const reply = await act('registerWalkIn', { name: name().slice(0, MAX_NAME), kind: state.kind });
    if (reply) {
      const done = name();
      reset();
      onDone(reply.attendeeId, done);
    }
  }

  const STEPS = { surname: surnameStep, title: titleStep, write: writeStep, kind: kindStep };

  function render() {
    replace(body, STEPS[state.step]());
    window.scrollTo(0, 0);
  }

  function reset() {
    state = { step: 'surname', surname: null, title: null, typed: null, kind: null };
    render();
  }

  render();
  return { el, update() {}, away: () => true, home: reset };
}
