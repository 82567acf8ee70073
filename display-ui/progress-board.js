// 实时晒单: the requests of the board's grid — this month's counts by where they stand, then the
// latest that moved: number, kind, public title, where they stand (reopened ones marked) and when —
// as one page of the board's rotation. The server sends nothing personal for it and nothing a
// resident typed (the title is the one staff approved, or kind, grid and building), and this page
// shows only these fields even if more arrived. Type shrinks to show many rows; rows that still do
// not fit are left out whole, never cut.

import { h } from '/common/dom.js';
import { fitBox } from './fit-text.js';

const STATUSES = ['NEW', 'DISPATCHED', 'CONSULTING', 'AGREED', 'DONE', 'INFORMED', 'CLOSED', 'ESCALATED', 'TRANSFERRED', 'TOPIC'];

function countsOf(t, counts, status) {
  if (!counts || typeof counts.total !== 'number') return null;
  const byStatus = counts.byStatus || {};
  return h('div', { class: 'progress-counts', testid: 'progress-counts' },
    h('div', { class: 'progress-total', testid: 'progress-count-total', dataset: { count: String(counts.total) } },
      t('progress.month', { n: counts.total })),
    h('ul', { class: 'progress-count-list' }, STATUSES.filter((s) => byStatus[s] > 0).map((s) =>
      h('li', { class: `progress-count chip-${s}`, testid: `progress-count-${s}`, dataset: { count: String(byStatus[s]) } },
        h('span', { class: 'progress-count-label' }, status(s)), h('b', {}, String(byStatus[s]))))));
}

/**
 * lines: [{number, kind, gridName, title, status, updatedAt, reopened}]; counts: {month, total,
 * byStatus} or null. Answers a section.progress-board; fitProgressBoard once it is on screen.
 */
export function createProgressBoard(t, lines, gridName, counts = null) {
  const day = (ms) => {
    const d = new Date(ms);
    return t('progress.date', { m: d.getMonth() + 1, d: d.getDate() });
  };
  const status = (s) => (t.has(`progress.status.${s}`) ? t(`progress.status.${s}`) : s);
  const rows = lines.map((line) => h('tr', { testid: `progress-${line.number}` },
    h('td', { class: 'progress-number' }, line.number),
    h('td', { class: 'progress-kind' }, line.kind),
    h('td', { class: 'progress-matter', testid: `progress-title-${line.number}` }, line.title || ''),
    h('td', { class: 'progress-status' },
      h('span', { class: `progress-chip chip-${line.status}` }, status(line.status)),
      line.reopened === true ? h('span', { class: 'progress-reopened', testid: `progress-reopened-${line.number}` }, t('progress.reopened')) : null),
    h('td', { class: 'progress-date' }, typeof line.updatedAt === 'number' ? day(line.updatedAt) : '')));
  return h('section', { class: 'progress-board', testid: 'progress-board' },
    h('h1', { class: 'progress-title' }, gridName ? t('progress.title', { grid: gridName }) : t('progress.titleNoGrid')),
    countsOf(t, counts, status),
    h('p', { class: 'progress-lead' }, t('progress.lead')),
    h('div', { class: 'progress-rows fit-box', testid: 'progress-rows' },
      h('table', { class: 'progress-table' },
        h('thead', {}, h('tr', {},
          ['progress.number', 'progress.kind', 'progress.matter', 'progress.status', 'progress.updated']
            .map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, rows))));
}

/** Fits the rows to the page (the board must be in the document): smaller type, then fewer rows. */
export function fitProgressBoard(board) {
  const box = board.querySelector('.progress-rows');
  if (!box) return;
  box.querySelectorAll('tr[hidden]').forEach((tr) => { tr.hidden = false; });
  fitBox(box, { min: 0.6 });
  const rows = [...box.querySelectorAll('tbody tr')];
  while (box.dataset.overflow === 'true' && rows.length > 1) {
    rows.pop().hidden = true;
    box.dataset.overflow = String(box.scrollHeight > box.clientHeight + 1);
  }
  board.dataset.rowsShown = String(rows.length);
}
