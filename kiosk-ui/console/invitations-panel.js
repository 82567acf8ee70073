// A meeting's invited list (邀请名单) by kind, with 打印 — a preview of one clean A4 sheet (title,
// time, place, hosts, matters, the invited by kind with a column to sign in; meetings.css prints
// only that sheet) — and 导出 CSV from GET /api/meetings/:id/invitations.csv.

import { h, replace } from '../common/dom.js';
import { BusError } from '../common/eventbus.js';
import { groupByKind } from '../common/kinds.js';
import { formatDateTime } from './format.js';

const PRINTING = 'printing-invitations';

/** token(): the session token, for the CSV download. */
export function createInvitationsPanel({ t, token, showInfo, showError }) {
  const count = h('p', { class: 'muted', testid: 'invited-count' });
  const list = h('div', { class: 'invited-groups', testid: 'invited-list' });
  const print = h('button', { type: 'button', class: 'btn', testid: 'invited-print', onclick: openPreview }, t('plan.invited.print'));
  const exportButton = h('button', { type: 'button', class: 'btn', testid: 'invited-export', onclick: exportCsv }, t('plan.invited.export'));
  const el = h('section', { class: 'panel', testid: 'invited-panel', hidden: true },
    h('div', { class: 'panel-head' }, h('h2', {}, t('plan.invited.title')), h('span', { class: 'spacer' }), print, exportButton),
    count, list);
  let meeting = null;
  let context = {};
  let preview = null;

  function show(m, ctx) {
    meeting = m;
    context = ctx;
    const invited = m.invited || [];
    el.hidden = false;
    count.textContent = invited.length ? t('plan.invited.count', { n: invited.length }) : t('plan.invited.empty');
    replace(list, groupByKind(invited).map(([kind, people]) => h('div', { class: 'invited-group' },
      h('h3', {}, `${t(`kind.${kind}`)}（${people.length}）`),
      h('div', { class: 'tags' }, people.map((p) => h('span', { class: 'tag', testid: 'invited-name' }, p.name))))));
  }

  function sheet() {
    const invited = meeting.invited || [];
    let n = 0;
    const hostNames = meeting.hosts.map((u) => (context.hosts.find((c) => c.username === u) || {}).name || u);
    return h('article', { class: 'print-sheet', testid: 'print-sheet' },
      h('h1', { testid: 'print-title' }, meeting.title),
      h('p', {}, t('plan.print.time', { time: formatDateTime(meeting.startsAt) })),
      h('p', {}, t('plan.print.room', { room: context.roomName || '' })),
      hostNames.length ? h('p', {}, t('plan.print.hosts', { names: hostNames.join('、') })) : null,
      h('h2', {}, t('plan.print.matters')),
      h('ol', { testid: 'print-matters' }, meeting.agenda.map((m) => h('li', {}, m.title))),
      h('h2', {}, t('plan.print.invited', { n: invited.length })),
      h('table', { class: 'print-table', testid: 'print-invited' },
        h('thead', {}, h('tr', {}, ['no', 'name', 'kind', 'sign'].map((c) => h('th', { class: `col-${c}` }, t(`plan.print.col.${c}`))))),
        h('tbody', {}, groupByKind(invited).flatMap(([kind, people]) => people.map((p) => {
          n += 1;
          return h('tr', { testid: 'print-row' }, h('td', {}, String(n)), h('td', {}, p.name), h('td', {}, t(`kind.${kind}`)), h('td', {}));
        })))));
  }

  function openPreview() {
    if (!meeting) return;
    closePreview();
    const go = h('button', { type: 'button', class: 'btn btn-primary', testid: 'print-go', onclick: () => window.print() }, t('plan.print.go'));
    const done = h('button', { type: 'button', class: 'btn', testid: 'print-close', onclick: closePreview }, t('plan.print.close'));
    preview = h('div', { class: 'print-preview', testid: 'print-preview', role: 'dialog', 'aria-label': t('plan.print.title') },
      h('div', { class: 'row no-print' }, h('strong', {}, t('plan.print.title')), h('span', { class: 'spacer' }), go, done),
      sheet());
    document.body.append(preview);
    document.body.classList.add(PRINTING);
    go.focus();
  }

  function closePreview() {
    if (preview) preview.remove();
    preview = null;
    document.body.classList.remove(PRINTING);
  }

  async function exportCsv() {
    if (!meeting) return;
    try {
      let res;
      try {
        res = await fetch(`/api/meetings/${encodeURIComponent(meeting.id)}/invitations.csv`, { headers: { Authorization: `Bearer ${token()}` } });
      } catch {
        throw new BusError('OFFLINE', 'network error');
      }
      if (!res.ok) {
        const data = await res.json().catch(() => null);
        throw new BusError((data && data.code) || 'INTERNAL', (data && data.message) || res.statusText, res.status);
      }
      const name = `${t('plan.invited.fileName')}-${meeting.title}.csv`;
      const link = h('a', { href: URL.createObjectURL(await res.blob()), download: name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      showInfo(t('plan.invited.exported', { name }));
    } catch (err) {
      showError(err);
    }
  }

  return { el, show, hide() { el.hidden = true; meeting = null; closePreview(); } };
}
