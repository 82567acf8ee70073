// 实时晒单: the requests of the board's grid that moved lately — number, kind, public title, where
// they stand and when — as one page of the board's rotation. The server sends nothing personal for
// it and nothing a resident typed (the title is the one staff approved, or kind, grid and
// building), and this page shows only these five fields even if more arrived.

import { h } from '/common/dom.js';

/** lines: [{number, kind, gridName, title, status, updatedAt}]; answers a section.progress-board. */
export function createProgressBoard(t, lines, gridName) {
  const day = (ms) => {
    const d = new Date(ms);
    return t('progress.date', { m: d.getMonth() + 1, d: d.getDate() });
  };
  const status = (s) => (t.has(`progress.status.${s}`) ? t(`progress.status.${s}`) : s);
  const rows = lines.map((line) => h('tr', { testid: `progress-${line.number}` },
    h('td', { class: 'progress-number' }, line.number),
    h('td', { class: 'progress-kind' }, line.kind),
    h('td', { class: 'progress-matter', testid: `progress-title-${line.number}` }, line.title || ''),
    h('td', { class: 'progress-status' }, h('span', { class: `progress-chip chip-${line.status}` }, status(line.status))),
    h('td', { class: 'progress-date' }, typeof line.updatedAt === 'number' ? day(line.updatedAt) : '')));
  return h('section', { class: 'progress-board', testid: 'progress-board' },
    h('h1', { class: 'progress-title' }, gridName ? t('progress.title', { grid: gridName }) : t('progress.titleNoGrid')),
    h('p', { class: 'progress-lead' }, t('progress.lead')),
    h('table', { class: 'progress-table' },
      h('thead', {}, h('tr', {},
        ['progress.number', 'progress.kind', 'progress.matter', 'progress.status', 'progress.updated']
          .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows)));
}
