// The 跟踪落实 tab: the resolutions of approved minutes on followup.cmd, open ones first by their
// next follow-up as the server orders them, with the marks the server computes (跟进逾期,
// 已过完成时限); one opened shows its detail (followup-detail.js). Who may change what is the
// server's rule; the tab only leaves the forms out for a read-only account. The grids for the
// filter and their names come from request.cmd's form, which every console account may read.

import { h, replace } from '../common/dom.js';
import { createFollowUpDetail, formatDate } from './followup-detail.js';

export const FOLLOW_UP_ADDRESS = 'followup.cmd';
const STATUSES = ['OPEN', 'SOLVED', ''];
const RETRY_MS = 1000;

/** send(address, action, params): a command on a console address (→ reply; rejects). */
export function createFollowUpTab({ t, send, showInfo, showError }) {
  document.head.append(h('link', { rel: 'stylesheet', href: '/console/followup.css' }));
  const call = (action, params) => send(FOLLOW_UP_ADDRESS, action, params);
  const status = h('select', { testid: 'track-status', onchange: () => refresh() },
    STATUSES.map((s) => h('option', { value: s }, t(s ? `track.status.${s}` : 'track.status.all'))));
  const grid = h('select', { testid: 'track-grid', onchange: () => refresh() }, h('option', { value: '' }, t('track.allGrids')));
  const gridField = h('label', { class: 'field', hidden: true }, t('track.grid'), grid);
  const count = h('p', { class: 'muted', testid: 'track-count' });
  const list = h('ul', { class: 'lines', testid: 'track-list' });
  const publish = (id) => send('console.cmd', 'followUpNotice', { resolutionId: id });
  const detail = createFollowUpDetail({ t, call, publish, showInfo, showError, gridName: (id) => gridName(id), onChanged: () => refresh() });
  const el = h('section', { class: 'notices-layout followup-tab', role: 'tabpanel', testid: 'followup-tab' },
    h('div', { class: 'column' }, h('section', { class: 'panel' }, h('h2', {}, t('track.title')),
      h('p', { class: 'hint' }, t('track.hint')),
      h('div', { class: 'row filters' }, h('label', { class: 'field' }, t('track.status'), status), gridField),
      count, list)),
    h('div', { class: 'column' }, detail.el));
  let grids = [];
  let identityAsked = false;
  let asked = 0;

  const gridName = (id) => (grids.find((g) => g.id === id) || {}).name || '';

  /** Once: who is signed in (a grid worker gets no grid filter, a viewer no forms) and the grids' names. */
  function learnIdentity() {
    if (identityAsked) return;
    identityAsked = true;
    Promise.all([send('console.cmd', 'hello', {}), send('request.cmd', 'requestForm', {})]).then(([hello, form]) => {
      const role = (hello.identity || {}).role;
      detail.setEditor(role !== 'viewer');
      grids = form.grids || [];
      replace(grid, h('option', { value: '' }, t('track.allGrids')), grids.map((g) => h('option', { value: g.id }, g.name)));
      gridField.hidden = role === 'grid_worker' || grids.length < 2;
      refresh();
    }).catch(() => { identityAsked = false; });
  }

  function filters() {
    const p = {};
    if (status.value) p.status = status.value;
    if (grid.value && !gridField.hidden) p.gridId = grid.value;
    return p;
  }

  function marks(r) {
    return [r.status === 'SOLVED' ? h('span', { class: 'badge badge-solved' }, t('track.mark.solved')) : null,
      r.followUpOverdue ? h('span', { class: 'badge badge-urgent', testid: 'track-mark-overdue' }, t('track.mark.overdue')) : null,
      r.pastDue ? h('span', { class: 'badge badge-urgent', testid: 'track-mark-past-due' }, t('track.mark.pastDue')) : null,
      r.unansweredComplaints ? h('span', { class: 'badge badge-urgent', testid: 'track-mark-unanswered' },
        t('track.mark.unanswered', { n: r.unansweredComplaints })) : null];
  }

  function line(r) {
    const facts = [`${t('track.responsible')}：${r.responsible || t('track.none')}`,
      `${t('track.dueAt')}：${formatDate(r.dueAt) || t('track.none')}`, t(`topicKind.${r.topicKind}`),
      r.nextFollowUpAt != null ? `${t('track.next')}：${formatDate(r.nextFollowUpAt)}` : null];
    return h('li', {}, h('button', { type: 'button', class: 'line-button', testid: `track-item-${r.id}`, onclick: () => detail.open(r.id) },
      h('div', { class: 'strong' }, marks(r), r.title),
      h('div', { class: 'track-text' }, r.text),
      h('div', { class: 'muted', testid: 'track-item-facts' }, facts.filter(Boolean).join(' · ')),
      h('div', { class: 'muted' }, r.meetingTitle)));
  }

  /** Lists the resolutions; false when the line is not open yet (asked again later). */
  async function refresh() {
    const n = ++asked;
    let reply;
    try {
      reply = await call('listResolutions', filters());
    } catch (err) {
      if (err.code === 'OFFLINE') return false;
      showError(err);
      return true;
    }
    if (n !== asked) return true;
    const items = reply.resolutions || [];
    count.textContent = t('track.count', { n: items.length });
    replace(list, items.length ? items.map(line) : h('li', { class: 'muted', testid: 'track-empty' }, t('track.empty')));
    return true;
  }

  function look() {
    learnIdentity();
    refresh().then((answered) => {
      if (!answered) setTimeout(() => { if (!el.hidden) look(); }, RETRY_MS);
    });
    detail.reload();
  }

  // the console shows and hides tabs by their hidden attribute: the tab reads the list each time it is shown
  el.hidden = true;
  new MutationObserver(() => { if (!el.hidden) look(); }).observe(el, { attributes: true, attributeFilter: ['hidden'] });
  return { el, refresh: look };
}
