// The 议事成员 tab: the register of members on member.cmd. Filters (kind, grid, name or building),
// the list with kinds as tags and the 党员/能人 marks, the add/edit form, 停用/启用, and the register
// as a CSV file: 导入 posts a file to /api/members.csv and shows the server's report row by row,
// 导出 downloads what this account may see. The list follows the server's answer: which fields
// this account may see and whether it may change anything.

import { h, replace, renderKeyed } from '../common/dom.js';
import { BusError } from '../common/eventbus.js';
import { createMemberForm, MEMBER_KINDS } from './members-form.js';

const CSV_PATH = '/api/members.csv';
const TYPING_MS = 300;

/** send(action, params): a member.cmd command (→ reply; rejects); token(): the session token. */
export function createMembersTab({ t, send, token, showInfo, showError }) {
  document.head.append(h('link', { rel: 'stylesheet', href: '/console/members.css' }));
  const kind = h('select', { testid: 'members-filter-kind', onchange: refresh },
    h('option', { value: '' }, t('members.filter.all')),
    MEMBER_KINDS.map((k) => h('option', { value: k }, t(`kind.${k}`))));
  const grid = h('select', { testid: 'members-filter-grid', onchange: refresh });
  const text = h('input', { type: 'search', maxLength: 40, testid: 'members-filter-text', oninput: typed });
  const inactive = h('input', { type: 'checkbox', testid: 'members-filter-inactive', onchange: refresh });
  const count = h('p', { class: 'muted', testid: 'members-count' });
  const body = h('tbody', {});
  const phoneHead = h('th', { scope: 'col' }, t('members.col.phone'));
  const report = h('div', { class: 'import-report', testid: 'members-import-report', hidden: true });
  const file = h('input', { type: 'file', accept: '.csv,text/csv', class: 'file-hidden', testid: 'members-import-file', onchange: importFile });
  const addButton = h('button', { type: 'button', class: 'btn btn-primary', testid: 'member-add', onclick: () => form.open(null, personal) }, t('members.add'));
  const importButton = h('button', { type: 'button', class: 'btn', testid: 'members-import', onclick: () => file.click() }, t('members.import'));
  const readOnly = h('p', { class: 'hint', hidden: true }, t('members.readOnly'));
  const form = createMemberForm({ t, onSave: save, onDone: () => form.close(), showError });
  const el = h('section', { class: 'members-tab', role: 'tabpanel', testid: 'members-tab' },
    h('div', { class: 'notices-layout' },
      h('div', { class: 'column' },
        h('section', { class: 'panel' },
          h('div', { class: 'panel-head' }, h('h2', {}, t('members.title')), h('span', { class: 'spacer' }), addButton),
          h('p', { class: 'hint' }, t('members.hint')), readOnly,
          h('div', { class: 'row filters' },
            h('label', { class: 'field' }, t('members.filter.kind'), kind),
            h('label', { class: 'field' }, t('members.filter.grid'), grid),
            h('label', { class: 'field grow' }, t('members.filter.text'), text),
            h('label', { class: 'check' }, inactive, t('members.filter.inactive'))),
          count,
          h('table', { class: 'table', testid: 'member-list' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('members.col.name')), h('th', { scope: 'col' }, t('members.col.kinds')),
              h('th', { scope: 'col' }, t('members.col.grid')), phoneHead, h('th', { scope: 'col' }, t('members.col.actions')))),
            body))),
      h('div', { class: 'column' },
        form.el,
        h('section', { class: 'panel' },
          h('div', { class: 'row' }, importButton, file,
            h('button', { type: 'button', class: 'btn', testid: 'members-export', onclick: exportFile }, t('members.export'))),
          h('p', { class: 'hint' }, t('members.csvHint')),
          report))));
  let grids = [];
  let personal = false;
  let editable = false;
  let asked = 0;
  let typingTimer = null;

  function typed() {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(refresh, TYPING_MS);
  }

  const gridName = (id) => (grids.find((g) => g.id === id) || {}).name || '';

  function row(m) {
    return h('tr', { testid: `member-row-${m.id}`, class: m.active ? null : 'inactive' },
      h('td', { class: 'title-cell' }, h('span', { testid: 'member-name-cell' }, m.name),
        m.partyMember ? h('span', { class: 'mark mark-party', testid: 'member-party-mark' }, t('members.party')) : null,
        m.capable ? h('span', { class: 'mark mark-capable', testid: 'member-capable-mark' }, t('members.capable')) : null,
        m.active ? null : h('span', { class: 'mark mark-inactive' }, t('members.inactive'))),
      h('td', {}, h('div', { class: 'tags' }, m.kinds.map((k) => h('span', { class: 'tag', testid: 'member-kind-tag' }, t(`kind.${k}`))))),
      h('td', {}, [gridName(m.gridId), m.building].filter(Boolean).join(' · ')),
      personal ? h('td', { class: 'nowrap' }, m.phone || '') : null,
      h('td', {}, editable ? h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'btn btn-small', testid: `member-edit-${m.id}`, onclick: () => form.open(m, personal) }, t('members.edit')),
        h('button', { type: 'button', class: 'btn btn-small', testid: `member-active-${m.id}`, onclick: () => setActive(m, !m.active) },
          t(m.active ? 'members.deactivate' : 'members.activate'))) : null));
  }

  function filters() {
    const p = { includeInactive: inactive.checked };
    if (kind.value) p.kind = kind.value;
    if (grid.value) p.gridId = grid.value;
    if (text.value.trim()) p.text = text.value.trim();
    return p;
  }

  async function refresh() {
    const n = ++asked;
    let reply;
    try {
      reply = await send('listMembers', filters());
    } catch (err) {
      // before the line is open the console's connection mark says so; the first overview asks again
      if (err.code !== 'OFFLINE') showError(err);
      return;
    }
    if (n !== asked) return;
    personal = !!reply.personal;
    editable = !!reply.editable;
    phoneHead.hidden = !personal;
    addButton.hidden = !editable;
    importButton.hidden = !editable;
    readOnly.hidden = editable;
    const members = reply.members || [];
    count.textContent = reply.truncated ? t('members.truncated', { n: members.length }) : t('members.count', { n: members.length });
    renderKeyed(body, JSON.stringify([members, grids, personal, editable]), () => (members.length ? members.map(row)
      : h('tr', {}, h('td', { colspan: 5, class: 'muted', testid: 'members-empty' }, t('members.empty')))));
  }

  async function save(params) {
    try {
      const reply = await send('saveMember', params);
      showInfo(t('members.saved', { name: reply.member.name }));
      refresh();
      return reply.member;
    } catch (err) {
      showError(err);
      return null;
    }
  }

  async function setActive(m, active) {
    try {
      await send('setMemberActive', { id: m.id, active });
      showInfo(t(active ? 'members.activated' : 'members.deactivated', { name: m.name }));
      refresh();
    } catch (err) {
      showError(err);
    }
  }

  async function csvFetch(method, content) {
    const headers = { Authorization: `Bearer ${token()}` };
    if (content) headers['Content-Type'] = 'text/csv; charset=utf-8';
    let res;
    try {
      res = await fetch(CSV_PATH, { method, headers, body: content });
    } catch {
      throw new BusError('OFFLINE', 'network error');
    }
    if (method === 'GET' && res.ok) return res.blob();
    const data = await res.json().catch(() => null);
    if (data && Array.isArray(data.errors)) return data;
    throw new BusError((data && data.code) || 'INTERNAL', (data && data.message) || res.statusText, res.status);
  }

  async function importFile() {
    const chosen = file.files[0];
    file.value = '';
    if (!chosen) return;
    try {
      showReport(await csvFetch('POST', chosen));
    } catch (err) {
      showError(err);
    }
  }

  function showReport(result) {
    report.hidden = false;
    if (!result.errors.length) {
      replace(report, h('p', { class: 'ok', testid: 'members-import-done' }, t('members.imported', result)));
      showInfo(t('members.imported', result));
      refresh();
      return;
    }
    replace(report, h('p', { class: 'late', testid: 'members-import-rejected' }, t('members.importRejected', { n: result.errors.length })),
      h('ul', { class: 'records', testid: 'members-import-errors' }, result.errors.map((e) => h('li', { testid: 'members-import-error' },
        h('span', { class: 'strong' }, t('members.importRow', { row: e.row }), e.field ? ` · ${e.field}` : ''), '：', e.message))));
  }

  async function exportFile() {
    try {
      const blob = await csvFetch('GET');
      const name = `${t('tab.members')}.csv`;
      const link = h('a', { href: URL.createObjectURL(blob), download: name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      showInfo(t('members.exported', { name }));
    } catch (err) {
      showError(err);
    }
  }

  // the list is fetched whenever the tab is shown, and with every overview while it is shown
  new MutationObserver(() => { if (!el.hidden) refresh(); }).observe(el, { attributes: true, attributeFilter: ['hidden'] });

  return {
    el,
    refresh,
    update(overview) {
      grids = overview.grids || [];
      const chosen = grid.value;
      replace(grid, h('option', { value: '' }, t('members.filter.all')), grids.map((g) => h('option', { value: g.id }, g.name)));
      grid.value = grids.some((g) => g.id === chosen) ? chosen : '';
      form.updateGrids(grids);
      if (!el.hidden) refresh();
    },
  };
}
