// The agenda of a planned meeting, one card per matter: its title, speaking time and times, 首次发言优先,
// how it is voted on (记名/无记名, 通过标准, 最少投票人数), the kinds it invites besides the meeting's,
// and where it came from; moved up and down or removed. A matter from a resident's request keeps
// its source and cannot be removed (the server says so too).

import { h, replace } from '../common/dom.js';
import { MEMBER_KINDS } from './members-form.js';

const SOURCES = ['PARTY_BRANCH', 'GRID_WORKER', 'RESIDENTS', 'STAFF'];
const BASES = ['FOR_AGAINST', 'CAST', 'PRESENT'];
const DEFAULT_SECONDS = 180;
const DEFAULT_TIMES = 2;

const field = (label, input, cls = 'field') => h('label', { class: cls }, label, input);

export function createAgendaEditor({ t }) {
  const list = h('ol', { class: 'agenda-rows', testid: 'agenda-rows' });
  const empty = h('p', { class: 'muted', testid: 'agenda-empty' }, t('plan.agenda.empty'));
  const add = h('button', { type: 'button', class: 'btn', testid: 'agenda-add', onclick: () => { append([{}]); focusLast(); } }, t('plan.agenda.add'));
  const el = h('div', { class: 'agenda-editor' }, list, empty, h('div', { class: 'row' }, add));
  let rows = [];

  function focusLast() {
    if (rows.length) rows[rows.length - 1].title.focus();
  }

  /** One matter's card; m is a stored matter (getMeeting's agenda) or {} for a new one. */
  function createRow(m) {
    const rules = m.voteRules || {};
    const source = m.source || null;
    const fromRequest = !!(source && source.requestId);
    const title = h('input', { type: 'text', maxLength: 60, value: m.title || '', testid: 'matter-title', autocomplete: 'off' });
    const minutes = h('input', { type: 'number', min: 0.5, max: 30, step: 0.5, testid: 'matter-minutes',
      value: String((m.speechSeconds || DEFAULT_SECONDS) / 60) });
    const times = h('input', { type: 'number', min: 1, max: 10, step: 1, testid: 'matter-times', value: String(m.speechesPerPerson || DEFAULT_TIMES) });
    const firstTimeFirst = h('input', { type: 'checkbox', testid: 'matter-first-time-first', checked: m.firstTimeFirst !== false });
    const secret = h('select', { testid: 'matter-secret' },
      h('option', { value: 'false' }, t('plan.agenda.named')), h('option', { value: 'true' }, t('plan.agenda.anonymous')));
    secret.value = String(!!rules.secret);
    const base = h('select', { testid: 'matter-base' }, BASES.map((b) => h('option', { value: b }, t(`plan.agenda.base.${b}`))));
    base.value = rules.base || 'FOR_AGAINST';
    const minimum = h('input', { type: 'number', min: 1, max: 10000, step: 1, testid: 'matter-minimum', value: rules.minimumBallots ? String(rules.minimumBallots) : '' });
    const kinds = MEMBER_KINDS.map((k) => h('input', { type: 'checkbox', value: k, testid: `matter-kind-${k}`,
      checked: (m.invitedKinds || []).includes(k) }));
    const kindCount = h('span', { class: 'muted' });
    const countKinds = () => { const n = kinds.filter((b) => b.checked).length; kindCount.textContent = n ? ` (${n})` : ''; };
    kinds.forEach((b) => b.addEventListener('change', countKinds));
    countKinds();
    const sourceSelect = h('select', { testid: 'matter-source', disabled: fromRequest },
      h('option', { value: '' }, '—'), SOURCES.map((s) => h('option', { value: s }, t(`plan.agenda.source.${s}`))));
    sourceSelect.value = (source && source.kind) || '';
    const number = h('span', { class: 'matter-number' });
    const row = {
      id: m.id || null, fromRequest, title,
      el: null,
      value() {
        const vote = { secret: secret.value === 'true', base: base.value };
        if (rules.walkInsVote) vote.walkInsVote = true;
        if (minimum.value) vote.minimumBallots = Math.round(Number(minimum.value));
        const out = {
          title: title.value.trim(),
          speechSeconds: Math.min(1800, Math.max(30, Math.round(Number(minutes.value || DEFAULT_SECONDS / 60) * 60))),
          speechesPerPerson: Math.min(10, Math.max(1, Math.round(Number(times.value || DEFAULT_TIMES)))),
          firstTimeFirst: firstTimeFirst.checked,
          invitedKinds: kinds.filter((b) => b.checked).map((b) => b.value),
          vote,
        };
        if (row.id) out.id = row.id;
        if (sourceSelect.value) out.source = sourceSelect.value;
        return out;
      },
      setNumber(n) { number.textContent = t('plan.agenda.matter', { n }); },
    };
    const up = h('button', { type: 'button', class: 'btn btn-small', testid: 'matter-up', onclick: () => move(row, -1) }, t('plan.agenda.up'));
    const down = h('button', { type: 'button', class: 'btn btn-small', testid: 'matter-down', onclick: () => move(row, 1) }, t('plan.agenda.down'));
    const remove = h('button', { type: 'button', class: 'btn btn-small btn-danger', testid: 'matter-remove', hidden: fromRequest,
      onclick: () => { rows = rows.filter((r) => r !== row); render(); } }, t('plan.agenda.remove'));
    row.el = h('li', { class: 'matter-card', testid: 'matter-row' },
      h('div', { class: 'panel-head' }, number,
        fromRequest ? h('span', { class: 'mark mark-request', testid: 'matter-from-request' }, t('plan.agenda.fromRequest')) : null,
        h('span', { class: 'spacer' }), up, down, remove),
      field(t('plan.agenda.title'), title),
      h('div', { class: 'cols four' }, field(t('plan.agenda.minutes'), minutes), field(t('plan.agenda.times'), times),
        field(t('plan.agenda.secret'), secret), field(t('plan.agenda.base'), base)),
      h('div', { class: 'cols four' }, field(t('plan.agenda.minimumBallots'), minimum), field(t('plan.agenda.source'), sourceSelect),
        h('label', { class: 'check strong' }, firstTimeFirst, t('plan.agenda.firstTimeFirst'))),
      h('details', { class: 'matter-kinds' }, h('summary', { testid: 'matter-kinds-toggle' }, t('plan.agenda.kinds'), kindCount),
        h('div', { class: 'choices' }, kinds.map((b) => h('label', { class: 'check' }, b, t(`kind.${b.value}`))))));
    return row;
  }

  function move(row, by) {
    const i = rows.indexOf(row);
    const j = i + by;
    if (j < 0 || j >= rows.length) return;
    [rows[i], rows[j]] = [rows[j], rows[i]];
    render();
  }

  function render() {
    rows.forEach((r, i) => r.setNumber(i + 1));
    replace(list, rows.map((r) => r.el));
    empty.hidden = rows.length > 0;
  }

  function append(matters) {
    rows = rows.concat(matters.map(createRow));
    render();
  }

  return {
    el,
    load(agenda) { rows = []; append(agenda || []); },
    /** Adds the stored matters this editor does not show yet (a topic just put on the agenda). */
    merge(agenda) { append((agenda || []).filter((m) => !rows.some((r) => r.id === m.id))); },
    value: () => rows.map((r) => r.value()),
    /** The first thing to correct, as words; null when the agenda can be sent. */
    problem() {
      const i = rows.findIndex((r) => !r.title.value.trim());
      return i >= 0 ? t('plan.form.needMatterTitle', { n: i + 1 }) : null;
    },
  };
}
