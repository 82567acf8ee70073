// The add/edit form of the 议事成员 tab: name, kinds (one or more), the 党员 and 社区能人 marks, grid,
// building, and the personal fields (phone, note) for accounts that may see them. The server checks
// everything again; the form only says what is missing before sending.

import { h, replace } from '../common/dom.js';

export const MEMBER_KINDS = [
  'CONVENER', 'GRID_WORKER', 'PROPERTY', 'OWNERS_COMMITTEE', 'CPPCC',
  'GRID_POLICE', 'LEGAL', 'RESIDENT_REP', 'SOCIAL_ORG',
];

/** onSave(params) → Promise of the saved member or null (the error already shown); onDone() closes the form. */
export function createMemberForm({ t, onSave, onDone, showError }) {
  const title = h('h2', { testid: 'member-form-title' });
  const name = h('input', { type: 'text', maxLength: 40, required: true, testid: 'member-name', autocomplete: 'off' });
  const kinds = MEMBER_KINDS.map((kind) => h('input', { type: 'checkbox', value: kind, testid: `member-kind-${kind}` }));
  const party = h('input', { type: 'checkbox', testid: 'member-party' });
  const capable = h('input', { type: 'checkbox', testid: 'member-capable' });
  const grid = h('select', { testid: 'member-grid' });
  const building = h('input', { type: 'text', maxLength: 20, testid: 'member-building', autocomplete: 'off' });
  const phone = h('input', { type: 'tel', maxLength: 20, pattern: '\\+?[0-9][0-9 \\-]{3,17}[0-9]', testid: 'member-phone', autocomplete: 'off' });
  const note = h('textarea', { class: 'short', maxLength: 200, testid: 'member-note' });
  const personal = h('div', { class: 'cols' },
    field(t('members.form.phone'), phone),
    field(t('members.form.note'), note));
  const personalHint = h('p', { class: 'hint' }, t('members.form.personalHint'));
  const save = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'member-save' }, t('members.form.save'));
  const cancel = h('button', { type: 'button', class: 'btn', testid: 'member-cancel', onclick: () => onDone() }, t('members.form.cancel'));
  const form = h('form', { class: 'form', novalidate: true, onsubmit: submit },
    field(t('members.form.name'), name),
    h('fieldset', { class: 'targets' }, h('legend', {}, t('members.form.kinds')),
      h('div', { class: 'choices' }, kinds.map((box) => h('label', { class: 'check' }, box, t(`kind.${box.value}`))))),
    h('fieldset', { class: 'targets' }, h('legend', {}, t('members.form.flags')),
      h('div', { class: 'choices' },
        h('label', { class: 'check strong' }, party, t('members.form.party')),
        h('label', { class: 'check strong' }, capable, t('members.form.capable')))),
    h('div', { class: 'cols' }, field(t('members.form.grid'), grid), field(t('members.form.building'), building)),
    personal, personalHint,
    h('div', { class: 'row actions' }, save, cancel));
  const el = h('section', { class: 'panel member-form', testid: 'member-form', hidden: true }, title, form);
  let editing = null;
  let grids = [];

  function field(label, input) {
    return h('label', { class: 'field' }, label, input);
  }

  function fillGrids(selected) {
    replace(grid, h('option', { value: '' }, t('members.filter.noGrid')),
      grids.map((g) => h('option', { value: g.id, selected: g.id === selected }, g.name)));
    grid.value = selected || '';
  }

  /** Opens the form for a member (null: a new one); showPersonal: whether phone and note are shown. */
  function open(member, showPersonal) {
    editing = member;
    title.textContent = member ? t('members.form.edit', { name: member.name }) : t('members.form.new');
    name.value = member ? member.name : '';
    kinds.forEach((box) => { box.checked = !!member && member.kinds.includes(box.value); });
    party.checked = !!(member && member.partyMember);
    capable.checked = !!(member && member.capable);
    fillGrids(member ? member.gridId : (grids.length === 1 ? grids[0].id : ''));
    building.value = (member && member.building) || '';
    phone.value = (member && member.phone) || '';
    note.value = (member && member.note) || '';
    personal.hidden = !showPersonal;
    personalHint.hidden = !showPersonal;
    el.hidden = false;
    name.focus();
  }

  function params() {
    const p = {
      name: name.value.trim(),
      kinds: kinds.filter((box) => box.checked).map((box) => box.value),
      partyMember: party.checked,
      capable: capable.checked,
      gridId: grid.value || null,
      building: building.value.trim(),
    };
    if (!personal.hidden) Object.assign(p, { phone: phone.value.trim(), note: note.value.trim() });
    else if (editing) Object.assign(p, { phone: editing.phone || '', note: editing.note || '' });
    if (editing) p.id = editing.id;
    return p;
  }

  async function submit(event) {
    event.preventDefault();
    const p = params();
    if (!p.name) return showError({ message: t('members.form.needName') });
    if (p.kinds.length === 0) return showError({ message: t('members.form.needKind') });
    el.setAttribute('aria-busy', 'true');
    try {
      const saved = await onSave(p);
      if (saved) onDone(saved);
    } finally {
      el.removeAttribute('aria-busy');
    }
    return null;
  }

  return {
    el,
    open,
    close() { editing = null; el.hidden = true; },
    updateGrids(next) {
      grids = next || [];
      if (el.hidden) return;
      fillGrids(grid.value);
    },
  };
}
