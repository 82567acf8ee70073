// 登记来电/来信/来人: staff type in a request a resident made by phone, by letter or in person,
// with the same few fields a kiosk asks for. The channel is three big buttons; the kinds and grids
// come from requestForm (a grid worker is offered their own grids; the server checks anyway).

import { h, renderKeyed } from '../common/dom.js';
import { serverNow } from '../common/clock.js';
import { toLocalInput, fromLocalInput, thisMinute } from './format.js';

export const ENTRY_CHANNELS = ['PHONE', 'LETTER', 'VISIT'];

export function createRequestEntry({ t, call, query, identity, showInfo, showError, onEntered }) {
  let channel = null;
  let kind = null;
  const channelButtons = ENTRY_CHANNELS.map((c) => h('button', {
    type: 'button', class: 'big-choice', testid: `entry-channel-${c}`, 'aria-pressed': 'false', onclick: () => chooseChannel(c),
  }, t(`channel.${c}`)));
  const kinds = h('div', { class: 'big-choices', testid: 'entry-kinds' });
  const grid = h('select', { id: 'entry-grid', testid: 'entry-grid', required: true });
  const building = h('input', { id: 'entry-building', testid: 'entry-building', maxLength: 40 });
  const what = h('textarea', { id: 'entry-what', testid: 'entry-what', required: true, maxLength: 500, class: 'short' });
  const name = h('input', { id: 'entry-name', testid: 'entry-name', maxLength: 20, autocomplete: 'off' });
  const phone = h('input', { id: 'entry-phone', testid: 'entry-phone', maxLength: 20, inputMode: 'tel', pattern: '[0-9+ \\-]{5,20}', autocomplete: 'off' });
  const receivedAt = h('input', { type: 'datetime-local', id: 'entry-received-at', testid: 'entry-received-at', required: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-big', testid: 'entry-submit' }, t('entry.submit'));
  const field = (id, label, input) => h('div', { class: 'field' }, h('label', { htmlFor: id }, label), input);
  const el = h('section', { class: 'panel request-entry' },
    h('h2', {}, t('entry.title')),
    h('p', { class: 'hint' }, t('entry.hint')),
    h('form', { class: 'form', testid: 'entry-form', onsubmit: send },
      h('fieldset', { class: 'choice-group' }, h('legend', {}, t('entry.channel')), h('div', { class: 'big-choices' }, channelButtons)),
      h('fieldset', { class: 'choice-group' }, h('legend', {}, t('entry.kind')), kinds),
      h('div', { class: 'cols' }, field('entry-grid', t('entry.grid'), grid), field('entry-building', t('entry.building'), building)),
      field('entry-what', t('entry.what'), what),
      h('div', { class: 'cols' }, field('entry-name', t('entry.name'), name), field('entry-phone', t('entry.phone'), phone)),
      field('entry-received-at', t('entry.receivedAt'), receivedAt),
      h('div', { class: 'row' }, submit)));

  function chooseChannel(c) {
    channel = c;
    channelButtons.forEach((b, i) => b.setAttribute('aria-pressed', String(ENTRY_CHANNELS[i] === c)));
  }

  function chooseKind(k) {
    kind = k;
    kinds.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.kind === k)));
  }

  function renderForm(form) {
    const me = identity();
    const grids = (form.grids || []).filter((g) => !me || me.role !== 'grid_worker' || (me.gridIds || []).includes(g.id));
    renderKeyed(kinds, JSON.stringify(form.kinds), () => form.kinds.map((k, i) => h('button', {
      type: 'button', class: 'big-choice', testid: `entry-kind-${i}`, dataset: { kind: k }, 'aria-pressed': String(k === kind), onclick: () => chooseKind(k),
    }, k)));
    if (renderKeyed(grid, JSON.stringify(grids), () => [grids.length === 1 ? null : h('option', { value: '' }, t('entry.chooseGrid')),
      grids.map((g) => h('option', { value: g.id }, g.name))])) grid.value = grids.length === 1 ? grids[0].id : '';
  }

  function reset() {
    chooseChannel(null);
    chooseKind(null);
    [building, what, name, phone].forEach((i) => { i.value = ''; });
    receivedAt.value = toLocalInput(thisMinute(serverNow()));
  }

  async function send(event) {
    event.preventDefault();
    if (!channel) { showError({ message: t('entry.needChannel') }); return; }
    if (!kind) { showError({ message: t('entry.needKind') }); return; }
    const params = { channel, kind, what: what.value.trim(), gridId: grid.value };
    if (fromLocalInput(receivedAt.value) != null) params.receivedAt = fromLocalInput(receivedAt.value);
    for (const [key, input] of Object.entries({ building, name, phone })) {
      if (input.value.trim()) params[key] = input.value.trim();
    }
    submit.disabled = true;
    try {
      const reply = await call('enterRequest', params);
      if (!reply || !reply.request) return;
      showInfo(t('entry.done', { number: reply.number }));
      reset();
      onEntered(reply.request.id);
    } finally {
      submit.disabled = false;
    }
  }

  reset();
  return {
    el,
    async refresh() {
      const form = await query('requestForm');
      if (form) renderForm(form);
    },
    reset,
  };
}
