// The steps staff take on a request (三即三提一转): which ones its status allows (the table in
// docs/API.md) and the small form each needs. The server still decides; a step it refuses shows
// its error like any other.

import { h, replace } from '../common/dom.js';
import { toLocalInput, fromLocalInput, thisMinute, DAY_MS } from './format.js';

export const PLACES = ['HOME', 'STREET', 'SITE', 'COUNCIL'];
export const VIAS = ['PHONE', 'VISIT', 'STATUS_PAGE', 'NOTICE'];
export const RATINGS = ['SATISFIED', 'BASIC', 'UNSATISFIED'];
export const LEVELS = ['COMMUNITY_OFFICES', 'COMMUNITY_COUNCIL', 'STREET_WORKSTATION'];
export const TRANSFER_TYPES = ['UNIT', 'COMMUNITY'];
export const TOPIC_KINDS = ['CONSULTATION', 'DECISION', 'INQUIRY', 'HEARING'];
const URGENCIES = [1, 2, 3];
/** 党支部点题, 网格员荐题, 群众出题: who put a topic forward; left unchosen, the server decides by the caller's role. */
const TOPIC_SOURCES = ['PARTY_BRANCH', 'GRID_WORKER', 'RESIDENTS'];

/** Each step: its request.cmd command and the statuses it may be taken from. */
export const STEPS = [
  { name: 'dispatch', command: 'dispatchRequest', from: ['NEW', 'ESCALATED', 'DISPATCHED'] },
  { name: 'take', command: 'takeRequest', from: ['NEW', 'ESCALATED', 'DISPATCHED'] },
  { name: 'consult', command: 'consultRequest', from: ['CONSULTING'] },
  { name: 'agree', command: 'agreeRequest', from: ['CONSULTING'] },
  { name: 'complete', command: 'completeRequest', from: ['AGREED', 'TRANSFERRED'] },
  { name: 'inform', command: 'informRequest', from: ['DONE'] },
  { name: 'rate', command: 'rateRequest', from: ['INFORMED'] },
  { name: 'escalate', command: 'escalateRequest', from: ['NEW', 'DISPATCHED', 'CONSULTING', 'AGREED', 'ESCALATED'] },
  { name: 'transfer', command: 'transferRequest', from: ['NEW', 'DISPATCHED', 'CONSULTING', 'ESCALATED'] },
  { name: 'promote', command: 'promoteRequest', from: ['NEW', 'DISPATCHED', 'CONSULTING', 'ESCALATED'] },
  { name: 'schedule', command: 'scheduleTopic', from: ['TOPIC'] },
  { name: 'follow_up', command: 'followUpRequest', from: ['AGREED', 'ESCALATED', 'TRANSFERRED', 'TOPIC'] },
];

function lastLevel(request) {
  const list = request.escalations || [];
  return list.length ? list[list.length - 1].level : null;
}

const isGridWorker = (me) => !!me && me.role === 'grid_worker';

/** Whether {me} (the hello identity) may take the request: once dispatched, a grid worker only if it went to them. */
function mayTake(request, me) {
  const to = request.dispatchedTo;
  return !(request.status === 'DISPATCHED' && isGridWorker(me) && to && to.id !== me.accountId);
}

/**
 * The steps to offer {me}. Beyond the status table, those the server would refuse anyway are left
 * out: scheduling a topic already on an agenda, escalating past the street's workstation,
 * dispatching by a grid worker (or a viewer), and taking what was dispatched to someone else.
 */
export function allowedSteps(request, me) {
  return STEPS.filter((s) => s.from.includes(request.status)
    && !(s.name === 'schedule' && request.topic && request.topic.matterId)
    && !(s.name === 'escalate' && lastLevel(request) === LEVELS[LEVELS.length - 1])
    && !(s.name === 'dispatch' && (!me || isGridWorker(me) || me.role === 'viewer'))
    && !(s.name === 'take' && !mayTake(request, me)));
}

/** The label of a step's button: taking a dispatched request is 接单. */
export function stepLabel(t, step, request) {
  return step.name === 'take' && request.status === 'DISPATCHED' ? t('step.takeDispatched') : t(`step.${step.name}`);
}

// Field builders: each returns {el, value()}; value() is undefined for an empty optional field.

function choice(t, name, values, labelKey, selected, required = true) {
  const inputs = values.map((v) => h('input', {
    type: 'radio', name: `step-${name}`, value: String(v), required, checked: v === selected, testid: `step-${name}-${v}`,
  }));
  const el = h('fieldset', { class: 'choice-group', testid: `step-field-${name}` },
    h('legend', {}, t(`step.field.${name}`)),
    h('div', { class: 'big-choices' }, values.map((v, i) => h('label', { class: 'big-choice' }, inputs[i], t(`${labelKey}.${v}`)))));
  return {
    el,
    value() {
      const chosen = inputs.find((i) => i.checked);
      if (!chosen) return undefined;
      return typeof values[0] === 'number' ? Number(chosen.value) : chosen.value;
    },
  };
}

function text(t, name, { required = false, maxLength = 100, minLength = 0, multiline = false, value = '' } = {}) {
  const id = `step-field-${name}`;
  const input = h(multiline ? 'textarea' : 'input', {
    id, testid: id, required, maxLength, minLength: minLength || undefined, class: multiline ? 'short' : undefined,
  });
  input.value = value;
  return {
    el: h('div', { class: 'field' }, h('label', { htmlFor: id }, t(`step.field.${name}`)), input),
    value: () => (input.value.trim() ? input.value.trim() : undefined),
  };
}

function dateTime(t, name, ms) {
  const id = `step-field-${name}`;
  const input = h('input', { type: 'datetime-local', id, testid: id, required: true, value: toLocalInput(ms) });
  return {
    el: h('div', { class: 'field' }, h('label', { htmlFor: id }, t(`step.field.${name}`)), input),
    value: () => fromLocalInput(input.value) ?? undefined,
  };
}

/** The open meetings of the rooms (GET /api/rooms), loaded when the form opens. */
function meetingPicker(t, loadRooms) {
  const id = 'step-field-meetingId';
  const select = h('select', { id, testid: id, required: true }, h('option', { value: '' }, t('loading')));
  loadRooms().then((rooms) => {
    const withMeeting = (rooms || []).filter((r) => r.meetingId);
    replace(select, h('option', { value: '' }, withMeeting.length ? t('choose') : t('step.noMeeting')),
      withMeeting.map((r) => h('option', { value: r.meetingId, selected: withMeeting.length === 1 }, r.name)));
  }).catch(() => replace(select, h('option', { value: '' }, t('step.noMeeting'))));
  return {
    el: h('div', { class: 'field' }, h('label', { htmlFor: id }, t('step.field.meetingId')), select),
    value: () => select.value || undefined,
  };
}

/** The grid workers of the request's grid (gridWorkers), as big buttons; loaded when the form opens. */
function workerPicker(t, request, loadWorkers) {
  const box = h('div', { class: 'big-choices', testid: 'step-field-toAccount-choices' }, t('loading'));
  let inputs = [];
  loadWorkers((request.where || {}).gridId).then((reply) => {
    const workers = (reply && reply.workers) || [];
    inputs = workers.map((w) => h('input', {
      type: 'radio', name: 'step-toAccount', value: w.username, required: true, testid: `step-toAccount-${w.username}`,
      checked: workers.length === 1 || (request.dispatchedTo && request.dispatchedTo.id === w.username),
    }));
    replace(box, workers.length ? workers.map((w, i) => h('label', { class: 'big-choice' }, inputs[i], w.name))
      : h('span', { class: 'muted' }, t('step.noWorkers')));
  }).catch(() => replace(box, h('span', { class: 'muted' }, t('step.noWorkers'))));
  return {
    el: h('fieldset', { class: 'choice-group', testid: 'step-field-toAccount' }, h('legend', {}, t('step.field.toAccount')), box),
    value: () => (inputs.find((i) => i.checked) || {}).value,
  };
}

function nextLevel(request) {
  const current = LEVELS.indexOf(lastLevel(request));
  return LEVELS[Math.min(current + 1, LEVELS.length - 1)];
}

/** The fields of one step's form, by parameter name. */
function fieldsOf(t, step, request, { me, loadRooms, loadWorkers }) {
  switch (step) {
    case 'dispatch': return { toAccount: workerPicker(t, request, loadWorkers) };
    case 'consult': return {
      place: choice(t, 'place', PLACES, 'place'),
      with: text(t, 'with', { required: true }),
      notes: text(t, 'notes', { maxLength: 1000, multiline: true }),
    };
    case 'agree': return {
      task: text(t, 'task', { required: true, maxLength: 500, multiline: true }),
      responsible: text(t, 'responsible', { required: true }),
      dueAt: dateTime(t, 'dueAt', thisMinute() + 3 * DAY_MS),
      residentConfirmedBy: text(t, 'residentConfirmedBy', { required: true, maxLength: 40 }),
      staff: { el: h('p', { class: 'hint', testid: 'step-staff-confirmation' }, t('step.staffConfirms', { name: me() })), value: () => undefined },
    };
    case 'complete': return { note: text(t, 'note', { maxLength: 1000, multiline: true }) };
    case 'inform': return { via: choice(t, 'via', VIAS, 'via'), note: text(t, 'note', { maxLength: 1000, multiline: true }) };
    case 'rate': return { rating: choice(t, 'rating', RATINGS, 'rating'), comment: text(t, 'comment', { maxLength: 500, multiline: true }) };
    case 'escalate': return {
      level: choice(t, 'level', LEVELS, 'level', nextLevel(request)),
      reason: text(t, 'reason', { required: true, minLength: 2, maxLength: 500, multiline: true }),
    };
    case 'transfer': return {
      toType: choice(t, 'toType', TRANSFER_TYPES, 'toType', 'UNIT'),
      toName: text(t, 'toName', { required: true }),
      reason: text(t, 'reason', { required: true, minLength: 2, maxLength: 500, multiline: true }),
    };
    case 'promote': return {
      topicKind: choice(t, 'topicKind', TOPIC_KINDS, 'topicKind', 'CONSULTATION'),
      // the topic is named by the public title on the agenda and the boards: never by what the resident wrote
      title: text(t, 'title', { required: true, maxLength: 60, value: (request.publicTitle || '').slice(0, 60) }),
      urgency: choice(t, 'urgency', URGENCIES, 'urgency', 2),
      source: choice(t, 'source', TOPIC_SOURCES, 'topicSource', undefined, false),
    };
    case 'schedule': return { meetingId: meetingPicker(t, loadRooms) };
    case 'follow_up': return { note: text(t, 'note', { required: true, maxLength: 1000, multiline: true }) };
    default: return {};
  }
}

/**
 * The form of one step for one request. onSubmit(params) gets the command's parameters (id
 * included) and resolves true when the server took the step.
 */
export function createStepForm({ t, step, request, me, loadRooms, loadWorkers, onSubmit, onCancel }) {
  const fields = fieldsOf(t, step.name, request, { me, loadRooms, loadWorkers });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'step-submit' }, t(`step.submit.${step.name}`));
  const cancel = h('button', { type: 'button', class: 'btn', testid: 'step-cancel', onclick: onCancel }, t('step.cancel'));
  const el = h('form', { class: 'form step-form', testid: `step-form-${step.name}`, onsubmit: send },
    h('h3', {}, stepLabel(t, step, request)),
    h('p', { class: 'hint' }, t(`step.hint.${step.name}`)),
    Object.values(fields).map((f) => f.el),
    h('div', { class: 'row' }, submit, cancel));

  async function send(event) {
    event.preventDefault();
    const params = { id: request.id };
    for (const [name, field] of Object.entries(fields)) {
      const value = field.value();
      if (value !== undefined) params[name] = value;
    }
    submit.disabled = true;
    try {
      await onSubmit(params);
    } finally {
      submit.disabled = false;
    }
  }

  return { el };
}
