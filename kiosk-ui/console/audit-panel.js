// 审计日志: the audit log, newest first, filtered by who, area, action and dates (listAudit on
// admin.cmd), and the same filters exported as a CSV file (GET /api/audit.csv with the session's
// bearer token, saved through a Blob so the token never goes into a URL).

import { h, replace } from '../common/dom.js';
import { BusError } from '../common/eventbus.js';
import { formatDateTime } from './format.js';

const AREAS = ['room', 'admin', 'community', 'member', 'notice', 'request', 'followup', 'forum', 'minutes', 'export', 'signin'];
const DAY_MS = 24 * 60 * 60 * 1000;
const PARAMS_SHOWN = 160;

/** "2025-11-28" → that day's local midnight in ms (null when empty). */
function dayStart(value) {
  if (!value) return null;
  const [y, m, d] = value.split('-').map(Number);
  const ms = new Date(y, m - 1, d).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** send(action, params) on admin.cmd; token(): the session token for the export. */
export function createAuditPanel({ t, send, token, showError }) {
  const field = (id, label, input) => h('div', { class: 'field' }, h('label', { htmlFor: id }, label), input);
  const actor = h('input', { id: 'audit-actor', testid: 'audit-actor', maxLength: 64, autocomplete: 'off' });
  const area = h('select', { id: 'audit-area', testid: 'audit-area' },
    h('option', { value: '' }, t('audit.all')), AREAS.map((a) => h('option', { value: a }, t(`audit.area.${a}`))));
  const action = h('input', { id: 'audit-action', testid: 'audit-action', maxLength: 40, pattern: '[A-Za-z]{1,40}', autocomplete: 'off' });
  const from = h('input', { id: 'audit-from', testid: 'audit-from', type: 'date' });
  const to = h('input', { id: 'audit-to', testid: 'audit-to', type: 'date' });
  const search = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'audit-search' }, t('audit.search'));
  const exportButton = h('button', { type: 'button', class: 'btn', testid: 'audit-export', onclick: exportCsv }, t('audit.export'));
  const body = h('tbody', {});
  const empty = h('p', { class: 'muted', testid: 'audit-empty', hidden: true }, t('audit.empty'));
  const truncated = h('p', { class: 'hint', hidden: true }, t('audit.truncated'));
  const el = h('section', { class: 'panel', testid: 'audit-panel' },
    h('h2', {}, t('audit.title')),
    h('p', { class: 'hint' }, t('audit.hint')),
    h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); refresh(); } },
      h('div', { class: 'cols three' }, field('audit-actor', t('audit.actor'), actor), field('audit-area', t('audit.area'), area),
        field('audit-action', t('audit.action'), action)),
      h('div', { class: 'cols' }, field('audit-from', t('audit.from'), from), field('audit-to', t('audit.to'), to)),
      h('div', { class: 'row' }, search, exportButton)),
    h('table', { class: 'table', testid: 'audit-list' },
      h('thead', {}, h('tr', {}, ['at', 'actor', 'role', 'area', 'action', 'room', 'params'].map((c) => h('th', { scope: 'col' }, t(`audit.col.${c}`))))),
      body),
    empty, truncated);

  /** The filters as listAudit's parameters (the entry's action is auditAction there). */
  function filters() {
    const f = {};
    if (actor.value.trim()) f.actor = actor.value.trim();
    if (area.value) f.area = area.value;
    if (action.value.trim()) f.auditAction = action.value.trim();
    const start = dayStart(from.value);
    const end = dayStart(to.value);
    if (start != null) f.from = start;
    if (end != null) f.to = end + DAY_MS;
    return f;
  }

  const label = (prefix, value) => (value && t.has(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : value || '');

  function roleText(role) {
    const lower = (role || '').toLowerCase();
    return t.has(`role.${lower}`) ? t(`role.${lower}`) : label('audit.role', role);
  }

  function who(a) {
    if (a.name && a.id && a.name !== a.id) return `${a.name}（${a.id}）`;
    return a.name || a.id || '';
  }

  function row(e) {
    const params = JSON.stringify(e.params || {});
    return h('tr', { testid: 'audit-row' },
      h('td', { class: 'nowrap' }, formatDateTime(e.at)),
      h('td', {}, who(e.actor || {})),
      h('td', {}, roleText((e.actor || {}).role)),
      h('td', {}, label('audit.area', e.area)),
      h('td', {}, label('audit.action', e.action)),
      h('td', {}, e.roomName || e.roomId || ''),
      h('td', { title: params }, params.length > PARAMS_SHOWN ? `${params.slice(0, PARAMS_SHOWN)}…` : params));
  }

  async function refresh() {
    try {
      const reply = await send('listAudit', { ...filters(), limit: 500 });
      const entries = reply.entries || [];
      replace(body, entries.map(row));
      empty.hidden = entries.length > 0;
      truncated.hidden = !reply.truncated;
    } catch (err) {
      showError(err);
    }
  }

  async function exportCsv() {
    exportButton.disabled = true;
    try {
      const f = filters();
      const query = new URLSearchParams();
      ['actor', 'area', 'from', 'to'].forEach((k) => { if (f[k] != null) query.set(k, String(f[k])); });
      if (f.auditAction) query.set('action', f.auditAction);
      const res = await fetch(`/api/audit.csv?${query}`, { headers: { Authorization: `Bearer ${token()}` } });
      if (!res.ok) {
        const data = await res.json().catch(() => ({}));
        throw new BusError(data.code || 'INTERNAL', data.message || res.statusText, res.status);
      }
      const url = URL.createObjectURL(await res.blob());
      const today = new Date();
      const link = h('a', { href: url, download: `audit-${today.getFullYear()}-${today.getMonth() + 1}-${today.getDate()}.csv`, hidden: true });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (err) {
      showError(err.code ? err : new BusError('OFFLINE', 'network error'));
    } finally {
      exportButton.disabled = false;
    }
  }

  return { el, refresh };
}
