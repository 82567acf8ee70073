// 主持人先总结: before the vote on the current matter the host sums up the discussion; once saved,
// the room display shows it while it is read. The field keeps what the host types across live
// updates and takes the saved text only when it holds no unsaved change of its own.

import { h } from '../common/dom.js';
import { formatClock } from '../common/clock.js';
import { currentMatter, meetingOf } from '../common/snapshot.js';

const MAX_CHARS = 1000; // room-commands.json: summarise.text maxLength

const textOf = (summary) => (summary ? summary.text : '');

export function createSummaryPanel({ t, act, showError }) {
  const field = h('textarea', {
    id: 'summary-text', testid: 'summary-text', maxLength: MAX_CHARS, rows: 6, 'aria-describedby': 'summary-count',
  });
  const count = h('p', { id: 'summary-count', class: 'muted counter', testid: 'summary-count' });
  const state = h('p', { class: 'summary-state', testid: 'summary-state', role: 'status' });
  const saveButton = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'summary-save' }, t('summary.save'));
  const clearButton = h('button', { type: 'button', class: 'btn', testid: 'summary-clear', onclick: clearSummary }, t('summary.clear'));
  const form = h('form', { class: 'summary-form', onsubmit: saveSummary },
    h('label', { htmlFor: 'summary-text' }, t('summary.label')), field, count,
    h('div', { class: 'row' }, saveButton, clearButton), state);
  const el = h('section', { class: 'panel summary', testid: 'summary-panel', hidden: true },
    h('h2', {}, t('summary.title')), h('p', { class: 'muted hint' }, t('summary.hint')), form);
  let matterId = null;
  let saved = null; // the summary as the server last sent it: {text, at, by}, or null
  field.addEventListener('input', showState);

  function showState() {
    count.textContent = t('summary.count', { n: field.value.length, max: MAX_CHARS });
    const dirty = field.value.trim() !== textOf(saved);
    const kind = dirty ? 'dirty' : saved ? 'saved' : 'none';
    state.dataset.state = kind;
    state.className = `summary-state ${kind === 'dirty' ? 'warn' : kind === 'saved' ? 'ok' : 'muted'}`;
    state.textContent = kind === 'saved'
      ? t('summary.saved', { time: formatClock(saved.at).slice(0, 5), by: saved.by || '' })
      : t(`summary.${kind}`);
    clearButton.disabled = !saved && !field.value;
  }

  async function saveSummary(event) {
    event.preventDefault();
    const text = field.value.trim();
    if (!text) {
      showError(t('summary.empty'));
      field.focus();
      return;
    }
    saveButton.disabled = true;
    await act('summarise', { text });
    saveButton.disabled = false;
  }

  async function clearSummary() {
    clearButton.disabled = true;
    const reply = await act('summarise', { text: '' });
    if (reply != null) field.value = '';
    showState();
  }

  return {
    el,
    update(snap) {
      const m = meetingOf(snap);
      const matter = currentMatter(snap);
      el.hidden = !m || m.status !== 'OPEN' || !matter;
      if (el.hidden) return;
      const next = matter.summary || null;
      if (matter.id !== matterId) {
        matterId = matter.id;
        field.value = textOf(next);
      } else if (textOf(next) !== textOf(saved) && field.value.trim() === textOf(saved)) {
        field.value = textOf(next); // another host's change, and nothing typed here to lose
      }
      saved = next;
      showState();
    },
  };
}
