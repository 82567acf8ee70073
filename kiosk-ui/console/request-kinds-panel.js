// 诉求类别: the kinds a resident picks from when filing, one per line, saved as a whole.

import { h } from '../common/dom.js';

export function createRequestKindsPanel({ t, query, call, showInfo }) {
  const text = h('textarea', { id: 'kinds-text', testid: 'kinds-text', class: 'short', rows: 10 });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'kinds-save' }, t('kinds.save'));
  const el = h('form', { class: 'panel form kinds', onsubmit: submit },
    h('h2', {}, t('kinds.title')),
    h('div', { class: 'field' }, h('label', { htmlFor: 'kinds-text' }, t('kinds.label')), text),
    h('p', { class: 'hint' }, t('kinds.hint')),
    h('div', { class: 'row' }, save));
  let touched = false;
  text.addEventListener('input', () => { touched = true; });

  async function submit(event) {
    event.preventDefault();
    const kinds = [...new Set(text.value.split('\n').map((k) => k.trim()).filter(Boolean))];
    save.disabled = true;
    try {
      if (await call('saveRequestKinds', { kinds })) {
        touched = false;
        showInfo(t('kinds.saved', { n: kinds.length }));
        await load();
      }
    } finally {
      save.disabled = false;
    }
  }

  /** The current kinds, unless staff are changing them here. */
  async function load() {
    if (touched) return;
    const form = await query('requestForm');
    if (!touched) text.value = ((form && form.kinds) || []).join('\n');
  }

  return { el, refresh: load };
}
