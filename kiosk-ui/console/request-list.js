// Residents' requests, newest first, filtered by status and grid (and, for a grid worker, 派给我的):
// number, kind, grid, how it came, status, when filed and when the next follow-up is due. A row
// opens the request.

import { h, replace, renderKeyed } from '../common/dom.js';
import { serverNow } from '../common/clock.js';
import { formatDateTime } from './format.js';

export const STATUSES = ['NEW', 'DISPATCHED', 'CONSULTING', 'AGREED', 'DONE', 'INFORMED', 'CLOSED', 'ESCALATED', 'TRANSFERRED', 'TOPIC'];

export function createRequestList({ t, query, onOpen, showError }) {
  const status = h('select', { id: 'requests-filter-status', testid: 'requests-filter-status', onchange: () => refresh().catch(showError) },
    h('option', { value: '' }, t('requests.allStatuses')),
    STATUSES.map((s) => h('option', { value: s }, t(`reqStatus.${s}`))));
  const grid = h('select', { id: 'requests-filter-grid', testid: 'requests-filter-grid', onchange: () => refresh().catch(showError) },
    h('option', { value: '' }, t('requests.allGrids')));
  const mine = h('button', {
    type: 'button', class: 'btn', testid: 'requests-filter-mine', hidden: true, 'aria-pressed': 'false',
    onclick: () => { mine.setAttribute('aria-pressed', String(mine.getAttribute('aria-pressed') !== 'true')); refresh().catch(showError); },
  }, t('requests.mine'));
  const body = h('tbody', {});
  const empty = h('p', { class: 'muted', testid: 'requests-empty', hidden: true }, t('requests.empty'));
  const el = h('section', { class: 'panel request-list' },
    h('h2', {}, t('requests.title')),
    h('div', { class: 'cols filters' },
      h('div', { class: 'field' }, h('label', { htmlFor: 'requests-filter-status' }, t('requests.filterStatus')), status),
      h('div', { class: 'field' }, h('label', { htmlFor: 'requests-filter-grid' }, t('requests.filterGrid')), grid),
      h('div', { class: 'field mine-filter' }, mine)),
    h('table', { class: 'table', testid: 'requests-table' },
      h('thead', {}, h('tr', {}, ['number', 'kind', 'grid', 'channel', 'status', 'filed', 'followUp']
        .map((c) => h('th', { scope: 'col' }, t(`requests.col.${c}`))))),
      body),
    empty);
  let requests = [];
  let selected = null;
  let gridsKey = '';
  let asked = 0;

  function followUpCell(r) {
    if (!r.nextFollowUpAt) return h('td', { class: 'nowrap' }, '—');
    const late = r.nextFollowUpAt < serverNow();
    return h('td', { class: ['nowrap', late && 'late'] }, formatDateTime(r.nextFollowUpAt), late ? ` ${t('followups.late')}` : null);
  }

  function row(r) {
    return h('tr', {
      testid: `request-row-${r.number}`, class: ['clickable', r.id === selected && 'selected'], dataset: { status: r.status, id: r.id },
      tabIndex: 0, onclick: () => onOpen(r.id), onkeydown: (e) => { if (e.key === 'Enter') onOpen(r.id); },
    },
    h('td', { class: 'nowrap strong' }, r.number),
    h('td', {}, r.kind),
    h('td', { class: 'nowrap' }, (r.where && r.where.gridName) || ''),
    h('td', { class: 'nowrap', testid: `request-row-channel-${r.number}` }, r.channel ? t(`channel.${r.channel}`) : ''),
    h('td', { class: 'nowrap', testid: `request-row-status-${r.number}` }, t(`reqStatus.${r.status}`)),
    h('td', { class: 'nowrap' }, formatDateTime(r.createdAt)),
    followUpCell(r));
  }

  function render() {
    empty.hidden = requests.length > 0;
    const minute = Math.floor(serverNow() / 60000);
    const key = JSON.stringify([requests.map((r) => [r.id, r.number, r.kind, r.where, r.channel, r.status, r.createdAt, r.nextFollowUpAt]), selected, minute]);
    renderKeyed(body, key, () => requests.map(row));
  }

  /** Asks for the list again; only the newest answer is shown. */
  async function refresh() {
    const n = ++asked;
    const params = {};
    if (status.value) params.status = status.value;
    if (grid.value) params.gridId = grid.value;
    if (!mine.hidden && mine.getAttribute('aria-pressed') === 'true') params.dispatchedToMe = true;
    const reply = await query('listRequests', params);
    if (n !== asked) return;
    requests = (reply && reply.requests) || [];
    render();
  }

  return {
    el,
    refresh,
    updateGrids(grids) {
      const key = JSON.stringify(grids.map((g) => [g.id, g.name]));
      if (key === gridsKey) return;
      gridsKey = key;
      const keep = grid.value;
      replace(grid, h('option', { value: '' }, t('requests.allGrids')),
        grids.map((g) => h('option', { value: g.id, selected: g.id === keep }, g.name)));
    },
    /** A grid worker gets the 派给我的 filter. */
    setIdentity(identity) {
      mine.hidden = !identity || identity.role !== 'grid_worker';
    },
    select(id) {
      selected = id;
      render();
    },
  };
}
