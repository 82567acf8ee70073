// The 会议安排 tab: every room's meetings (未开始 / 进行中 / 已结束, time, title, 当前 mark) on plan.cmd,
// and for the one chosen its plan (meeting-form.js), its invited list with 打印 and 导出
// (invitations-panel.js) and its 议前调研 (research-panel.js). Planners (not a grid worker, not a
// viewer) create and change meetings that have not begun and choose the room's current meeting;
// everyone else sees the same pages read-only. The server decides; the page hides what it refuses.

import { h, replace, renderKeyed } from '../common/dom.js';
import { formatDateTime } from './format.js';
import { createMeetingForm } from './meeting-form.js';
import { createInvitationsPanel } from './invitations-panel.js';
import { createResearchPanel } from './research-panel.js';
import { createRoundsPanel } from './rounds-panel.js';
import { createMinutesView } from './minutes-view.js';

export const PLAN_ADDRESS = 'plan.cmd';
const PLANNERS = ['admin', 'cadre', 'staff'];
const HOSTS = ['admin', 'cadre', 'grid_worker'];

/** send(address, action, params): a command on any console address (→ reply; rejects). */
export function createMeetingsTab({ t, send, token, showInfo, showError }) {
  document.head.append(h('link', { rel: 'stylesheet', href: '/console/meetings.css' }));
  const plan = (action, params) => send(PLAN_ADDRESS, action, params);
  const roomFilter = h('select', { testid: 'meetings-room', onchange: () => refresh() });
  const addButton = h('button', { type: 'button', class: 'btn btn-primary', testid: 'meeting-new', hidden: true, onclick: () => openNew() }, t('plan.meetings.new'));
  const readOnly = h('p', { class: 'hint', testid: 'meetings-read-only', hidden: true }, t('plan.meetings.readOnly'));
  const body = h('tbody', {});
  const form = createMeetingForm({
    t, plan, member: (a, p) => send('member.cmd', a, p), request: (a, p) => send('request.cmd', a, p),
    showInfo, showError, onSaved: saved, onClose: closeDetail,
  });
  const invitations = createInvitationsPanel({ t, token, showInfo, showError });
  const research = createResearchPanel({ t, plan, token, showInfo, showError });
  const rounds = createRoundsPanel({ t, send, showInfo, showError });
  const minutes = createMinutesView({ t, send, showError });
  const el = h('section', { class: 'meetings-tab', role: 'tabpanel', testid: 'meetings-tab' },
    h('div', { class: 'notices-layout' },
      h('div', { class: 'column' },
        h('section', { class: 'panel' },
          h('div', { class: 'panel-head' }, h('h2', {}, t('plan.meetings.title')), h('span', { class: 'spacer' }), addButton),
          h('p', { class: 'hint' }, t('plan.meetings.hint')), readOnly,
          h('div', { class: 'row filters' }, h('label', { class: 'field' }, t('plan.meetings.room'), roomFilter)),
          h('table', { class: 'table', testid: 'meeting-list' },
            h('thead', {}, h('tr', {}, ['status', 'time', 'title', 'room', 'matters'].map((c) => h('th', { scope: 'col' }, t(`plan.meetings.col.${c}`))),
              h('th', {}))),
            body))),
      h('div', { class: 'column' }, form.el, invitations.el, research.el, rounds.el, minutes.el)));
  let me = null;
  let rooms = [];
  let grids = [];
  let hosts = [];
  let asked = 0;

  const planner = () => !!me && PLANNERS.includes(me.role);
  const roomName = (id) => (rooms.find((r) => r.id === id) || {}).name || '';
  const context = (roomId) => ({ rooms, grids, hosts, roomId, planner: planner(), roomName: roomName(roomId) });

  /** Whether the server lets this account add research to the meeting: planners, and its hosts. */
  function mayResearch(m) {
    if (planner()) return true;
    return HOSTS.includes(me.role) && (m.hosts.length === 0 || m.hosts.includes(me.accountId));
  }

  function row(m) {
    const current = m.current ? h('span', { class: 'mark mark-current', testid: 'meeting-current' }, t('plan.meetings.current')) : null;
    const show = planner() && !m.current && m.status !== 'CLOSED'
      ? h('button', { type: 'button', class: 'btn btn-small', testid: `meeting-show-${m.id}`, onclick: () => showInRoom(m) }, t('plan.meetings.show')) : null;
    const editable = planner() && m.status === 'SCHEDULED';
    return h('tr', { testid: `meeting-row-${m.id}`, class: m.status === 'CLOSED' ? 'inactive' : null },
      h('td', {}, h('span', { class: 'status-badge', 'data-status': m.status, testid: 'meeting-status' }, t(`plan.meetings.status.${m.status}`))),
      h('td', { class: 'nowrap' }, m.startsAt ? formatDateTime(m.startsAt) : t('plan.meetings.noTime')),
      h('td', { class: 'title-cell' }, h('span', { testid: 'meeting-title-cell' }, m.title), current),
      h('td', {}, m.roomName),
      h('td', {}, t('plan.meetings.matterCount', { n: m.matters })),
      h('td', {}, h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'btn btn-small', testid: `meeting-open-${m.id}`, onclick: () => openMeeting(m.id) },
          t(editable ? 'plan.meetings.edit' : 'plan.meetings.open')), show,
        m.status === 'CLOSED' ? minutes.button(m.id, `meeting-minutes-${m.id}`, closeDetail) : null)));
  }

  let stale = true; // the list shown is not the server's: the last read failed (e.g. before the connection opened)

  async function refresh() {
    const n = ++asked;
    stale = true;
    try {
      if (!me) me = (await plan('hello', {})).identity;
      const [r, c, list] = await Promise.all([send('community.cmd', 'listRooms', {}), plan('hostCandidates', {}),
        plan('listMeetings', roomFilter.value ? { roomId: roomFilter.value } : {})]);
      if (n !== asked) return;
      rooms = r.rooms || [];
      hosts = c.hosts || [];
      const chosen = roomFilter.value;
      replace(roomFilter, h('option', { value: '' }, t('plan.meetings.allRooms')), rooms.map((x) => h('option', { value: x.id }, x.name)));
      roomFilter.value = rooms.some((x) => x.id === chosen) ? chosen : '';
      addButton.hidden = !planner();
      readOnly.hidden = planner();
      const meetings = (list.meetings || []).slice().sort((a, b) => (b.startsAt || 0) - (a.startsAt || 0));
      renderKeyed(body, JSON.stringify([meetings, planner()]), () => (meetings.length ? meetings.map(row)
        : h('tr', {}, h('td', { colspan: 6, class: 'muted', testid: 'meetings-empty' }, t('plan.meetings.empty')))));
      stale = false;
    } catch (err) {
      if (err.code !== 'OFFLINE') showError(err);
    }
  }

  function openNew() {
    minutes.hide();
    invitations.hide();
    research.hide();
    rounds.hide();
    form.open(null, context(roomFilter.value));
    form.el.scrollIntoView({ block: 'start' });
  }

  async function openMeeting(id) {
    try {
      showDetail((await plan('getMeeting', { id })).meeting);
      form.el.scrollIntoView({ block: 'start' });
    } catch (err) {
      showError(err);
    }
  }

  function showDetail(m) {
    minutes.hide();
    form.open(m, context(m.roomId));
    invitations.show(m, context(m.roomId));
    research.show(m, mayResearch(m));
    rounds.show(m);
  }

  function saved(m, { keepForm } = {}) {
    refresh();
    if (keepForm) {
      invitations.show(m, context(m.roomId));
      research.show(m, mayResearch(m));
    } else {
      showDetail(m);
    }
  }

  function closeDetail() {
    form.close();
    invitations.hide();
    research.hide();
    rounds.hide();
  }

  async function showInRoom(m) {
    try {
      await plan('showMeeting', { id: m.id });
      showInfo(t('plan.meetings.shown'));
      refresh();
    } catch (err) {
      showError(err);
    }
  }

  // read whenever the tab is shown
  new MutationObserver(() => { if (!el.hidden) refresh(); }).observe(el, { attributes: true, attributeFilter: ['hidden'] });

  return {
    el,
    refresh,
    /** Each overview (after every connect, and every few seconds): a shown list that could not be read is read again. */
    update(overview) {
      grids = overview.grids || [];
      if (stale && !el.hidden) refresh();
    },
  };
}
