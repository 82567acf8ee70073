// Where a notice goes: every board, whole grids, or single boards. The choice is kept here, not in
// the checkboxes, so the boxes can be rebuilt when the overview brings new grids or displays.

import { h, renderKeyed } from '../common/dom.js';

export function createTargetPicker({ t, onInput }) {
  let grids = [];
  let displays = [];
  let everywhere = false;
  const chosenGrids = new Set();
  const chosenDisplays = new Set();

  const everywhereBox = h('input', {
    type: 'checkbox', id: 'notice-everywhere', testid: 'notice-everywhere',
    onchange: () => { everywhere = everywhereBox.checked; sync(); onInput(); },
  });
  const gridBox = h('div', { class: 'choices' });
  const displayBox = h('div', { class: 'choices' });
  const el = h('fieldset', { class: 'targets' },
    h('legend', {}, t('editor.targets')),
    h('label', { class: 'check strong', htmlFor: 'notice-everywhere' }, everywhereBox, ' ', t('targets.everywhere')),
    h('div', { class: 'sub-label' }, t('editor.grids')), gridBox,
    h('div', { class: 'sub-label' }, t('editor.displays')), displayBox);

  function box(kind, id, label, set) {
    const input = h('input', {
      type: 'checkbox', id: `notice-${kind}-${id}`, testid: `notice-${kind}-${id}`, checked: set.has(id),
      dataset: { target: kind, id },
      onchange: () => { if (input.checked) set.add(id); else set.delete(id); onInput(); },
    });
    return h('label', { class: 'check', htmlFor: `notice-${kind}-${id}` }, input, ' ', label);
  }

  function gridName(id) {
    const g = grids.find((x) => x.id === id);
    return g ? g.name : t('grid.none');
  }

  function rebuild() {
    renderKeyed(gridBox, JSON.stringify(grids), () => grids.map((g) => box('grid', g.id, g.name, chosenGrids)));
    renderKeyed(displayBox, JSON.stringify(displays.map((d) => [d.id, d.name, d.gridId])),
      () => displays.map((d) => box('display', d.id, `${d.name}（${gridName(d.gridId)}）`, chosenDisplays)));
    sync();
  }

  // Checkboxes show the kept choice; with "everywhere" the finer choices are kept but greyed out.
  function sync() {
    everywhereBox.checked = everywhere;
    for (const input of el.querySelectorAll('input[data-target]')) {
      const { target, id } = input.dataset;
      input.checked = (target === 'grid' ? chosenGrids : chosenDisplays).has(id);
      input.disabled = everywhere;
    }
  }

  return {
    el,
    setPlaces(overview) {
      grids = overview.grids || [];
      displays = overview.displays || [];
      rebuild();
    },
    value() {
      return { everywhere, grids: [...chosenGrids], displays: [...chosenDisplays] };
    },
    set(targets) {
      everywhere = Boolean(targets && targets.everywhere);
      chosenGrids.clear();
      chosenDisplays.clear();
      ((targets && targets.grids) || []).forEach((id) => chosenGrids.add(id));
      ((targets && targets.displays) || []).forEach((id) => chosenDisplays.add(id));
      sync();
    },
    /** The name a targeted board shows in the preview: a chosen board, else one in a chosen grid. */
    boardName() {
      const direct = displays.find((d) => chosenDisplays.has(d.id));
      const inGrid = displays.find((d) => chosenGrids.has(d.gridId));
      const any = everywhere ? displays[0] : null;
      const d = direct || inGrid || any;
      return d ? d.name : t('preview.board');
    },
  };
}

/** "全部公示栏" or the grid and board names a notice targets, for lists. */
export function describeTargets(t, targets, overview) {
  if (!targets) return t('targets.none');
  if (targets.everywhere) return t('targets.everywhere');
  const grids = overview.grids || [];
  const displays = overview.displays || [];
  const names = [
    ...(targets.grids || []).map((id) => (grids.find((g) => g.id === id) || { name: id }).name),
    ...(targets.displays || []).map((id) => (displays.find((d) => d.id === id) || { name: id }).name),
  ];
  return names.length ? names.join('、') : t('targets.none');
}
