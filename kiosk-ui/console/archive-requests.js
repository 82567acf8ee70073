// 诉求档案: search residents' requests by number, words, building and status on archive.cmd. The
// server decides what each account sees: staff the request as filed, a read-only viewer only its
// public title and place; the table shows what came.

import { h, replace } from '../common/dom.js';
import { formatDateTime } from './format.js';
import { STATUSES } from './request-list.js';

/** send(action, params): an archive.cmd command (→ reply; rejects). */
export function createArchiveRequests({ t, send, showError }) {
  const number = h('input', { type: 'search', maxLength: 9, inputMode: 'numeric', testid: 'archive-requests-number' });
  const text = h('input', { type: 'search', maxLength: 40, testid: 'archive-requests-text' });
  const building = h('input', { type: 'search', maxLength: 20, testid: 'archive-requests-building' });
  const status = h('select', { testid: 'archive-requests-status' }, h('option', { value: '' }, t('archive.all')),
    STATUSES.map((s) => h('option', { value: s }, t(`reqStatus.${s}`))));
  const count = h('p', { class: 'muted', testid: 'archive-requests-count' });
  const publicOnly = h('p', { class: 'hint', hidden: true, testid: 'archive-requests-public-only' }, t('archive.requests.publicOnly'));
  const body = h('tbody', {});
  const form = h('form', { class: 'row filters', onsubmit: (e) => { e.preventDefault(); refresh(); } },
    h('label', { class: 'field' }, t('archive.requests.number'), number),
    h('label', { class: 'field' }, t('archive.requests.text'), text),
    h('label', { class: 'field' }, t('archive.requests.building'), building),
    h('label', { class: 'field' }, t('archive.requests.status'), status),
    h('button', { type: 'submit', class: 'btn btn-primary', testid: 'archive-requests-search' }, t('archive.search')));
  const el = h('section', { class: 'panel' }, h('h2', {}, t('archive.requests.title')), publicOnly, form, count,
    h('table', { class: 'table', testid: 'archive-requests-table' },
      h('thead', {}, h('tr', {}, ['number', 'title', 'where', 'status', 'filed']
        .map((c) => h('th', { scope: 'col' }, t(`archive.requests.col.${c}`))))),
      body));
  let asked = 0;

  function filters() {
    const p = {};
    if (number.value.trim()) p.number = number.value.trim();
    if (text.value.trim()) p.text = text.value.trim();
    if (building.value.trim()) p.building = building.value.trim();
    if (status.value) p.status = status.value;
    return p;
  }

  function row(r) {
    const where = r.where || {};
    return h('tr', { testid: `archive-request-${r.number}` },
      h('td', { class: 'nowrap strong' }, r.number),
      h('td', { class: 'details' }, h('div', {}, r.publicTitle || r.kind), r.what ? h('div', { class: 'muted' }, r.what) : null),
      h('td', {}, [where.gridName, where.building].filter(Boolean).join(' · ')),
      h('td', {}, h('span', { class: 'status-badge', dataset: { status: r.status } }, t(`reqStatus.${r.status}`))),
      h('td', { class: 'nowrap' }, formatDateTime(r.createdAt)));
  }

  async function refresh() {
    const n = ++asked;
    let reply;
    try {
      reply = await send('searchRequests', filters());
    } catch (err) {
      // before the line is open the console's connection mark says so; false: ask again later
      if (err.code === 'OFFLINE') return false;
      showError(err);
      return true;
    }
    if (n !== asked) return true;
    const requests = reply.requests || [];
    publicOnly.hidden = !!reply.personal;
    count.textContent = reply.truncated ? t('archive.truncated', { n: requests.length }) : t('archive.count', { n: requests.length });
    replace(body, requests.length ? requests.map(row)
      : h('tr', {}, h('td', { colspan: 5, class: 'muted', testid: 'archive-requests-empty' }, t('archive.requests.empty'))));
    return true;
  }

  return { el, refresh };
}
