// The plan of one meeting: room, title, date and time, the two hosts (双主持), forms of consultation,
// quorum, grids concerned, whom it invites (kinds, and members picked from the register by name)
// and the agenda. A meeting that has begun or ended, or an account that does not plan, sees the
// same form read-only. The server checks everything again; the form only says what is missing.

import { h, replace } from '../common/dom.js';
import { toLocalInput, fromLocalInput } from './format.js';
import { MEMBER_KINDS } from './members-form.js';
import { createAgendaEditor } from './agenda-editor.js';
import { createTopicPicker } from './topic-picker.js';

const FORMS = ['MEETING', 'WRITTEN', 'ONLINE'];
const DEFAULT_FRACTION = 0.5;
const TYPING_MS = 300;
const DAY_MS = 86400000;

const field = (label, input, cls = 'field') => h('label', { class: cls }, label, input);
const fieldset = (legend, ...children) => h('fieldset', { class: 'targets' }, h('legend', {}, legend), ...children);

/**
 * plan(action, params), member(action, params), request(action, params): commands on plan.cmd,
 * member.cmd and request.cmd (→ reply; reject). onSaved(meeting) after a save or a topic added.
 */
export function createMeetingForm({ t, plan, member, request, showInfo, showError, onSaved, onClose }) {
  const heading = h('h2', { testid: 'meeting-form-title' });
  const frozen = h('p', { class: 'hint', testid: 'meeting-frozen', hidden: true }, t('plan.meetings.frozen'));
  const room = h('select', { testid: 'meeting-room' });
  const title = h('input', { type: 'text', maxLength: 60, testid: 'meeting-title', autocomplete: 'off' });
  const startsAt = h('input', { type: 'datetime-local', testid: 'meeting-starts' });
  const host1 = h('select', { testid: 'meeting-host-1', onchange: hostHint });
  const host2 = h('select', { testid: 'meeting-host-2', onchange: hostHint });
  const hostAdvice = h('p', { class: 'hint', testid: 'meeting-host-hint', hidden: true }, t('plan.form.hostHint'));
  const forms = FORMS.map((f) => h('input', { type: 'checkbox', value: f, testid: `meeting-form-${f}` }));
  const byFraction = h('input', { type: 'radio', name: 'quorum-kind', value: 'fraction', testid: 'meeting-quorum-fraction', onchange: quorumKind });
  const byCount = h('input', { type: 'radio', name: 'quorum-kind', value: 'count', testid: 'meeting-quorum-count', onchange: quorumKind });
  const quorumValue = h('input', { type: 'number', testid: 'meeting-quorum-value' });
  const quorumLabel = h('span', {});
  const grids = h('div', { class: 'choices', testid: 'meeting-grids' });
  const kinds = MEMBER_KINDS.map((k) => h('input', { type: 'checkbox', value: k, testid: `meeting-kind-${k}` }));
  const chips = h('div', { class: 'tags', testid: 'meeting-members' });
  const search = h('input', { type: 'search', maxLength: 40, testid: 'meeting-member-search', autocomplete: 'off', oninput: typed });
  const found = h('ul', { class: 'member-results', testid: 'meeting-member-results' });
  const agenda = createAgendaEditor({ t });
  const topics = createTopicPicker({ t, request, meetingId: () => (editing ? editing.id : null), onScheduled: reloadAgenda, showInfo, showError });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'meeting-save' }, t('plan.form.save'));
  const close = h('button', { type: 'button', class: 'btn', testid: 'meeting-close', onclick: () => onClose() }, t('plan.form.cancel'));
  const body = h('fieldset', { class: 'plain' },
    h('div', { class: 'cols' }, field(t('plan.form.room'), room), field(t('plan.form.startsAt'), startsAt)),
    field(t('plan.form.title'), title),
    fieldset(t('plan.form.hosts'), h('div', { class: 'cols' }, field(t('plan.form.host1'), host1), field(t('plan.form.host2'), host2)), hostAdvice),
    h('div', { class: 'cols' },
      fieldset(t('plan.form.forms'), h('div', { class: 'choices' }, forms.map((b) => h('label', { class: 'check' }, b, t(`plan.form.form.${b.value}`))))),
      fieldset(t('plan.form.quorum'), h('div', { class: 'choices' }, h('label', { class: 'check' }, byFraction, t('plan.form.quorum.fraction')),
        h('label', { class: 'check' }, byCount, t('plan.form.quorum.count'))), field(quorumLabel, quorumValue))),
    fieldset(t('plan.form.grids'), grids),
    fieldset(t('plan.form.kinds'), h('div', { class: 'choices' }, kinds.map((b) => h('label', { class: 'check' }, b, t(`kind.${b.value}`))))),
    fieldset(t('plan.form.members'), chips, field(t('plan.form.memberSearch'), search), found),
    fieldset(t('plan.form.agenda'), agenda.el, topics.el));
  const actions = h('div', { class: 'row actions' }, save, close);
  const form = h('form', { class: 'form', novalidate: true, onsubmit: submit }, body, actions);
  const el = h('section', { class: 'panel meeting-form', testid: 'meeting-form', hidden: true }, heading, frozen, form);
  let editing = null;
  let invited = new Map(); // memberId → name
  let candidates = [];
  let typingTimer = null;

  function hostHint() {
    const roles = [host1.value, host2.value].filter(Boolean).map((u) => (candidates.find((c) => c.username === u) || {}).role);
    hostAdvice.hidden = roles.length === 2 && roles.includes('grid_worker') && (roles.includes('cadre') || roles.includes('admin'));
  }

  function quorumKind() {
    const fraction = !byCount.checked;
    quorumLabel.textContent = t(fraction ? 'plan.form.quorum.fractionValue' : 'plan.form.quorum.countValue');
    Object.assign(quorumValue, fraction ? { min: 0.05, max: 1, step: 0.05 } : { min: 1, max: 10000, step: 1 });
    quorumLabel.title = fraction ? t('plan.form.quorum.fractionHint') : '';
  }

  function hostOptions(select, chosen) {
    replace(select, h('option', { value: '' }, t('plan.form.noHost')),
      candidates.map((c) => h('option', { value: c.username }, `${c.name || c.username}（${t(`role.${c.role}`)}）`)));
    select.value = candidates.some((c) => c.username === chosen) ? chosen : '';
  }

  function renderChips() {
    replace(chips, [...invited.entries()].map(([id, name]) => h('span', { class: 'tag', testid: 'meeting-member-chip' }, name,
      h('button', { type: 'button', class: 'chip-remove', 'aria-label': t('plan.form.memberRemove', { name }),
        onclick: () => { invited.delete(id); renderChips(); } }, '×'))));
  }

  function typed() {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(findMembers, TYPING_MS);
  }

  async function findMembers() {
    const text = search.value.trim();
    if (!text) { replace(found); return; }
    try {
      const reply = await member('listMembers', { text });
      const people = (reply.members || []).filter((m) => !invited.has(m.id)).slice(0, 20);
      replace(found, people.length ? people.map((m) => h('li', {},
        h('button', { type: 'button', class: 'line-button', testid: `meeting-member-add-${m.id}`,
          onclick: () => { invited.set(m.id, m.name); renderChips(); search.value = ''; replace(found); search.focus(); } },
        `${t('plan.form.memberAdd')}：${m.name}`, h('span', { class: 'muted' }, ` ${(m.kinds || []).map((k) => t(`kind.${k}`)).join('、')}`))))
        : h('li', { class: 'muted' }, t('plan.form.memberNone')));
    } catch (err) {
      showError(err);
    }
  }

  /** Names of the members a stored plan invites one by one, from the register (ids it cannot show stay as ids). */
  async function loadInvited(ids) {
    invited = new Map(ids.map((id) => [id, id]));
    renderChips();
    if (!ids.length) return;
    try {
      const reply = await member('listMembers', { includeInactive: true });
      (reply.members || []).forEach((m) => { if (invited.has(m.id)) invited.set(m.id, m.name); });
      renderChips();
    } catch (err) {
      showError(err);
    }
  }

  /**
   * Shows a meeting (getMeeting's) or a new one (null). context: {rooms, grids, hosts, roomId, planner}.
   */
  function open(meeting, context) {
    editing = meeting;
    candidates = context.hosts || [];
    const editable = context.planner && (!meeting || meeting.status === 'SCHEDULED');
    heading.textContent = t(!meeting ? 'plan.form.new' : editable ? 'plan.form.edit' : 'plan.form.view');
    frozen.hidden = !meeting || meeting.status === 'SCHEDULED';
    replace(room, context.rooms.map((r) => h('option', { value: r.id }, r.name)));
    room.value = meeting ? meeting.roomId : (context.roomId || (context.rooms[0] || {}).id || '');
    room.disabled = !!meeting;
    title.value = meeting ? meeting.title : '';
    startsAt.value = toLocalInput(meeting && meeting.startsAt ? meeting.startsAt : Math.ceil(Date.now() / DAY_MS) * DAY_MS + 19 * 3600000);
    const hosts = meeting ? meeting.hosts : [];
    hostOptions(host1, hosts[0] || '');
    hostOptions(host2, hosts[1] || '');
    hostHint();
    forms.forEach((b) => { b.checked = meeting ? meeting.forms.includes(b.value) : b.value === 'MEETING'; });
    const q = (meeting && meeting.quorum) || { fraction: DEFAULT_FRACTION };
    byCount.checked = q.count != null;
    byFraction.checked = q.count == null;
    quorumKind();
    quorumValue.value = String(q.count != null ? q.count : (q.fraction || DEFAULT_FRACTION));
    quorumValue.dataset.walkInsCount = String(!!q.walkInsCount);
    const chosenGrids = meeting ? meeting.gridIds : [];
    replace(grids, context.grids.map((g) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', value: g.id, testid: `meeting-grid-${g.id}`, checked: chosenGrids.includes(g.id) }), g.name)));
    kinds.forEach((b) => { b.checked = !!meeting && meeting.invitedKinds.includes(b.value); });
    search.value = '';
    replace(found);
    loadInvited(meeting ? meeting.invitedMembers : []);
    agenda.load(meeting ? meeting.agenda : [{}]);
    topics.reset();
    topics.setEditable(editable);
    body.disabled = !editable;
    save.hidden = !editable;
    el.hidden = false;
  }

  function quorum() {
    const n = Number(quorumValue.value);
    const walkInsCount = quorumValue.dataset.walkInsCount === 'true';
    if (byCount.checked) return Number.isInteger(n) && n >= 1 ? { count: n, walkInsCount } : null;
    return n > 0 && n <= 1 ? { fraction: n, walkInsCount } : null;
  }

  /** The saveMeeting command, or the words of the first thing to correct. */
  function params() {
    const hosts = [host1.value, host2.value].filter(Boolean);
    const p = {
      roomId: room.value, title: title.value.trim(), startsAt: fromLocalInput(startsAt.value), hosts,
      forms: forms.filter((b) => b.checked).map((b) => b.value), quorum: quorum(),
      gridIds: [...grids.querySelectorAll('input:checked')].map((b) => b.value),
      invitedKinds: kinds.filter((b) => b.checked).map((b) => b.value),
      invitedMembers: [...invited.keys()], agenda: agenda.value(),
    };
    if (editing) p.id = editing.id;
    const problem = !p.roomId ? 'plan.form.needRoom' : !p.title ? 'plan.form.needTitle' : p.startsAt == null ? 'plan.form.needTime'
      : !hosts.length ? 'plan.form.needHost' : new Set(hosts).size < hosts.length ? 'plan.form.sameHost'
        : !p.forms.length ? 'plan.form.needForm' : !p.quorum ? 'plan.form.needQuorum' : null;
    return { p, problem: problem ? t(problem) : agenda.problem() };
  }

  async function submit(event) {
    event.preventDefault();
    const { p, problem } = params();
    if (problem) { showError({ message: problem }); return; }
    save.disabled = true;
    try {
      const reply = await plan('saveMeeting', p);
      showInfo(t('plan.meetings.saved', { title: reply.meeting.title }));
      editing = reply.meeting;
      onSaved(reply.meeting);
    } catch (err) {
      showError(err);
    } finally {
      save.disabled = false;
    }
  }

  /** A topic went onto the stored agenda: show it below the matters being edited, keeping their edits. */
  async function reloadAgenda() {
    const reply = await plan('getMeeting', { id: editing.id });
    agenda.merge(reply.meeting.agenda);
    onSaved(reply.meeting, { keepForm: true });
  }

  return {
    el,
    open,
    current: () => editing,
    close() { editing = null; el.hidden = true; },
  };
}
