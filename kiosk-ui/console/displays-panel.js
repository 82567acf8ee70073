// Notice-board screens: pair a new one by the code it shows, see which are online and what they
// show, rename one or move it to another grid. Rows stay in place between the 10 s refreshes so a
// name being typed is not wiped out.

import { h, replace } from '../common/dom.js';
import { formatDateTime } from './format.js';

function gridOptions(t, grids, selected, withChoose) {
  return [
    withChoose ? h('option', { value: '' }, t('choose')) : null,
    ...grids.map((g) => h('option', { value: g.id, selected: g.id === selected }, g.name)),
  ];
}

export function createDisplaysPanel({ t, act, showInfo }) {
  let grids = [];
  const rows = new Map(); // displayId → {tr, update(display)}
  let pairGridsKey = '';

  const code = h('input', { id: 'pair-code', testid: 'pair-code', inputMode: 'numeric', maxLength: 6, pattern: '[0-9]{6}', autocomplete: 'off', required: true });
  const name = h('input', { id: 'pair-name', testid: 'pair-name', maxLength: 40, required: true });
  const grid = h('select', { id: 'pair-grid', testid: 'pair-grid', required: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'pair-submit' }, t('displays.pair'));
  const field = (id, label, input) => h('div', { class: 'field' }, h('label', { htmlFor: id }, label), input);
  const pairForm = h('form', { class: 'panel pair-form', onsubmit: pair },
    h('h2', {}, t('displays.pairTitle')),
    h('p', { class: 'hint' }, t('displays.pairHint')),
    h('div', { class: 'cols three' }, field('pair-code', t('displays.code'), code), field('pair-name', t('displays.name'), name),
      field('pair-grid', t('displays.grid'), grid)),
    h('div', { class: 'row' }, submit));

  const body = h('tbody', {});
  const empty = h('p', { class: 'muted', testid: 'display-list-empty', hidden: true }, t('displays.empty'));
  const el = h('div', { class: 'displays' }, pairForm,
    h('section', { class: 'panel' }, h('h2', {}, t('displays.title')),
      h('table', { class: 'table', testid: 'display-list' },
        h('thead', {}, h('tr', {}, ['name', 'grid', 'status', 'showing', 'change'].map((c) => h('th', { scope: 'col' }, t(`displays.col.${c}`))))),
        body),
      empty));

  async function pair(event) {
    event.preventDefault();
    submit.disabled = true;
    try {
      const reply = await act('pairDisplay', { code: code.value.trim(), name: name.value.trim(), gridId: grid.value });
      if (reply && reply.display) {
        showInfo(t('displays.paired', { name: reply.display.name }));
        code.value = '';
        name.value = '';
      }
    } finally {
      submit.disabled = false;
    }
  }

  function statusText(d) {
    if (d.online) return t('displays.online');
    return d.offlineSince ? t('displays.offlineSince', { time: formatDateTime(d.offlineSince) }) : t('displays.offline');
  }

  function createRow(d) {
    const gridCell = h('td', {});
    const status = h('td', { testid: `display-status-${d.id}` });
    const showing = h('td', { testid: `display-showing-${d.id}` });
    const nameCell = h('td', { class: 'strong', testid: `display-name-text-${d.id}` });
    const rename = h('input', { testid: `display-name-${d.id}`, maxLength: 40, 'aria-label': t('displays.name'), value: d.name });
    const move = h('select', { testid: `display-grid-${d.id}`, 'aria-label': t('displays.grid') });
    const saveBtn = h('button', { type: 'button', class: 'btn btn-small', testid: `display-save-${d.id}` }, t('displays.save'));
    const tr = h('tr', { testid: `display-row-${d.id}` }, nameCell, gridCell, status, showing,
      h('td', {}, h('div', { class: 'display-edit' }, rename, move, saveBtn)));
    let touched = false; // the user changed the name or grid here and has not saved yet
    let gridsKey = '';
    rename.addEventListener('input', () => { touched = true; });
    move.addEventListener('change', () => { touched = true; });

    saveBtn.addEventListener('click', async () => {
      saveBtn.disabled = true;
      try {
        const reply = await act('updateDisplay', { id: d.id, name: rename.value.trim(), gridId: move.value });
        if (reply && reply.display) {
          touched = false;
          showInfo(t('displays.saved', { name: reply.display.name }));
        }
      } finally {
        saveBtn.disabled = false;
      }
    });

    function update(next) {
      nameCell.textContent = next.name;
      gridCell.textContent = next.gridName || t('grid.none');
      status.textContent = statusText(next);
      status.dataset.online = String(Boolean(next.online));
      tr.dataset.online = String(Boolean(next.online));
      showing.textContent = next.showing ? next.showing.title : t('displays.nothing');
      // The edit fields follow the server unless the user is changing them.
      if (!touched) rename.value = next.name;
      const key = JSON.stringify(grids);
      if (key !== gridsKey || (!touched && move.value !== (next.gridId || ''))) {
        const keep = touched ? move.value : next.gridId;
        gridsKey = key;
        replace(move, gridOptions(t, grids, keep, !keep));
      }
    }
    update(d);
    return { tr, update };
  }

  return {
    el,
    update(overview) {
      grids = overview.grids || [];
      const key = JSON.stringify(grids);
      if (key !== pairGridsKey) {
        pairGridsKey = key;
        replace(grid, gridOptions(t, grids, grid.value, true));
      }
      const displays = overview.displays || [];
      const seen = new Set();
      displays.forEach((d, i) => {
        seen.add(d.id);
        let row = rows.get(d.id);
        if (!row) {
          row = createRow(d);
          rows.set(d.id, row);
        } else {
          row.update(d);
        }
        // The server's order; a row already in place is not moved (that would drop the focus).
        if (body.children[i] !== row.tr) body.insertBefore(row.tr, body.children[i] || null);
      });
      for (const [id, row] of rows) {
        if (!seen.has(id)) {
          row.tr.remove();
          rows.delete(id);
        }
      }
      empty.hidden = displays.length > 0;
    },
  };
}
