// One request as staff see it: what and where, who asked (name, phone, photo), how it came and who
// entered it, to whom it was dispatched, by when the resident must be told, the public title
// that stands for it outside the console, every record it gathered and its whole history, with a
// button for each step its status allows. The view is rebuilt only when the request changed, so
// an open step form survives the 10 s refreshes.

import { h, replace, renderKeyed } from '../common/dom.js';
import { BusError } from '../common/eventbus.js';
import { formatDateTime } from './format.js';
import { serverNow } from '../common/clock.js';
import { allowedSteps, createStepForm, stepLabel } from './request-steps.js';
import { createPublicTitle } from './public-title.js';

// Parameters whose values are codes with a label of their own (message key prefix).
const CODED = { place: 'place', via: 'via', rating: 'rating', level: 'level', toType: 'toType', topicKind: 'topicKind', urgency: 'urgency' };
const TIMES = ['dueAt', 'residentConfirmedAt'];

/** The photo as a data: URL (the page's Content-Security-Policy allows data: images, not blob:). */
async function fetchPhoto(id, token) {
  let res;
  try {
    res = await fetch(`/api/requests/${encodeURIComponent(id)}/photo`, { headers: { Authorization: `Bearer ${token}` } });
  } catch {
    throw new BusError('OFFLINE', 'network error');
  }
  if (!res.ok) throw new BusError(res.status === 401 ? 'UNAUTHENTICATED' : 'NOT_FOUND', res.statusText, res.status);
  const blob = await res.blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(new BusError('INTERNAL', 'photo unreadable'));
    reader.readAsDataURL(blob);
  });
}

export function createRequestDetail({
  t, call, query, token, me, identity, loadRooms, loadWorkers, onChanged, onClose, showInfo, showError,
}) {
  const title = h('h2', { testid: 'request-title' });
  const status = h('span', { class: 'status-badge', testid: 'request-status' });
  const close = h('button', { type: 'button', class: 'btn btn-small', testid: 'request-close', onclick: () => onClose() }, t('request.close'));
  const facts = h('div', { class: 'request-facts' });
  const photo = h('img', { class: 'request-photo', alt: t('request.photo'), testid: 'request-photo', hidden: true });
  const steps = h('div', { class: 'row step-buttons', testid: 'request-steps' });
  const formBox = h('div', { class: 'step-form-box', testid: 'request-step-form' });
  const publicTitle = createPublicTitle({
    t, call,
    onSaved: (saved) => {
      showInfo(t('publicTitle.saved', { number: saved.number }));
      show(saved);
      onChanged();
    },
  });
  const records = h('div', { class: 'request-records' });
  const history = h('tbody', {});
  const el = h('section', { class: 'panel request-detail', testid: 'request-detail', hidden: true },
    h('div', { class: 'panel-head' }, title, status, h('span', { class: 'spacer' }), close),
    facts, publicTitle.el, photo,
    h('h3', {}, t('request.steps')), steps, formBox,
    records,
    h('h3', {}, t('request.history')),
    h('table', { class: 'table', testid: 'request-history' },
      h('thead', {}, h('tr', {}, ['at', 'by', 'step', 'change', 'details'].map((c) => h('th', { scope: 'col' }, t(`history.col.${c}`))))),
      history));
  let request = null;
  let openStep = null;
  let photoOf = null; // the photoId the image shows (or is loading)

  const who = (by) => (by && (by.name || (by.role && t(`by.${by.role}`)))) || '';
  const statusText = (s) => (s ? t(`reqStatus.${s}`) : '—');

  function valueText(key, value) {
    if (value == null || value === '') return null;
    if (CODED[key]) return t(`${CODED[key]}.${value}`);
    if (TIMES.includes(key)) return formatDateTime(value);
    if (key === 'resolution') return resolutionText(value);
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  function resolutionText(r) {
    if (!r) return '';
    const passed = r.outcome && r.outcome.passed;
    return t('request.resolutionText', { motion: r.motion || '', outcome: t(passed ? 'results.passed' : 'results.notPassed') });
  }

  function detailsText(details) {
    // a dispatch names the grid worker; their username adds nothing for staff
    return Object.entries(details || {}).filter(([k]) => !(k === 'toAccount' && details.workerName)).map(([k, v]) => {
      const text = valueText(k, v);
      if (text == null) return null;
      return `${t.has(`step.field.${k}`) ? t(`step.field.${k}`) : k}：${text}`;
    }).filter(Boolean).join('；');
  }

  function fact(label, value, testid) {
    return h('div', { class: 'fact' }, h('dt', {}, label), h('dd', { testid }, value == null || value === '' ? '—' : value));
  }

  function residentText(r) {
    const res = r.resident || {};
    const parts = [res.name ? t('request.name', { name: res.name }) : t('request.noName'),
      res.phone ? t('request.phone', { phone: res.phone }) : t('request.noPhone')];
    return parts.join('　');
  }

  function informDue(r) {
    if (!r.informDueAt) return null;
    const late = r.informDueAt < serverNow();
    return h('span', { class: late ? 'late' : undefined }, formatDateTime(r.informDueAt), late ? ` ${t('request.informLate')}` : null);
  }

  function factList(r) {
    const where = r.where || {};
    return h('dl', { class: 'facts' },
      fact(t('request.what'), r.what, 'request-what'),
      fact(t('request.where'), [where.gridName, where.building].filter(Boolean).join(' · '), 'request-where'),
      fact(t('request.resident'), residentText(r), 'request-resident'),
      fact(t('request.channel'), t(`channel.${r.channel}`), 'request-channel'),
      r.receivedAt ? fact(t('request.receivedAt'), formatDateTime(r.receivedAt), 'request-received-at') : null,
      r.enteredBy ? fact(t('request.enteredBy'), who(r.enteredBy), 'request-entered-by') : null,
      fact(t('request.filed'), formatDateTime(r.createdAt), 'request-filed'),
      r.dispatchedTo ? fact(t('request.dispatchedTo'), r.dispatchedTo.name, 'request-dispatched-to') : null,
      fact(t('request.handler'), who(r.handler), 'request-handler'),
      r.informDueAt ? fact(t('request.informDue'), informDue(r), 'request-inform-due') : null,
      fact(t('request.nextFollowUp'), r.nextFollowUpAt ? formatDateTime(r.nextFollowUpAt) : null, 'request-next-follow-up'),
      fact(t('request.reopens'), String(r.reopenCount || 0), 'request-reopen'));
  }

  // One line per record: when, who, then what was recorded.
  function recordList(name, items, describe) {
    if (!items || !items.length) return null;
    return h('div', { class: 'record-group', testid: `request-${name}` },
      h('h3', {}, t(`request.records.${name}`)),
      h('ul', { class: 'records' }, items.map((item) => h('li', {},
        h('span', { class: 'muted' }, `${formatDateTime(item.at)} ${who(item.by)}`), ' ', describe(item)))));
  }

  function agreementText(a) {
    const parts = [a.action, a.responsible && t('agreement.responsible', { name: a.responsible }),
      a.dueAt && t('agreement.due', { at: formatDateTime(a.dueAt) }),
      a.residentConfirmation && t('agreement.resident', { name: a.residentConfirmation.name, at: formatDateTime(a.residentConfirmation.at) }),
      a.staffConfirmation && t('agreement.staff', { name: a.staffConfirmation.name, at: formatDateTime(a.staffConfirmation.at) }),
      a.outcome && t(a.outcome.passed ? 'results.passed' : 'results.notPassed')];
    return parts.filter(Boolean).join('；');
  }

  function topicBox(r) {
    const { topic } = r;
    if (!topic) return null;
    return h('div', { class: 'record-group topic-box', testid: 'request-topic' },
      h('h3', {}, t('request.records.topic')),
      h('p', { class: 'strong' }, r.publicTitle),
      h('p', {}, [topic.source ? t(`topicSource.${topic.source}`) : null, t(`topicKind.${topic.topicKind}`), t(`urgency.${topic.urgency}`), t('topic.promoted', { at: formatDateTime(topic.promotedAt) }),
        topic.matterId ? t('topic.scheduled', { at: formatDateTime(topic.scheduledAt) }) : t('topic.notScheduled')].filter(Boolean).join('　')),
      topic.resolution ? h('p', { class: 'resolution', testid: 'request-resolution' }, resolutionText(topic.resolution)) : null);
  }

  function recordNodes(r) {
    return [
      topicBox(r),
      recordList('consultations', r.consultations, (c) => detailsText({ place: c.place, with: c.with, notes: c.notes })),
      recordList('agreements', r.agreements, agreementText),
      recordList('completions', r.completions, (c) => c.note || t('request.noNote')),
      recordList('notifications', r.notifications, (n) => detailsText({ via: n.via, note: n.note })),
      recordList('ratings', r.ratings, (x) => detailsText({ rating: x.rating, comment: x.comment })),
      recordList('escalations', r.escalations, (x) => detailsText({ level: x.level, reason: x.reason })),
      recordList('transfers', r.transfers, (x) => detailsText({ toType: x.toType, toName: x.toName, reason: x.reason })),
      recordList('followUps', r.followUps, (x) => x.note)];
  }

  function historyRows(r) {
    return (r.history || []).map((e, i) => h('tr', { testid: `history-${i}`, dataset: { event: e.event } },
      h('td', { class: 'nowrap' }, formatDateTime(e.at)),
      h('td', {}, who(e.by)),
      h('td', { class: 'nowrap strong' }, t(`event.${e.event}`)),
      h('td', { class: 'nowrap' }, `${statusText(e.from)} → ${statusText(e.to)}`),
      h('td', { class: 'details' }, detailsText(e.details))));
  }

  function renderSteps(r) {
    const allowed = allowedSteps(r, identity());
    if (openStep && !allowed.some((s) => s.name === openStep)) closeForm();
    renderKeyed(steps, JSON.stringify([r.id, r.status, allowed.map((s) => s.name)]), () => (allowed.length
      ? allowed.map((s) => h('button', { type: 'button', class: 'btn', testid: `request-step-${s.name}`, onclick: () => openForm(s) }, stepLabel(t, s, r)))
      : h('span', { class: 'muted' }, t('request.noSteps'))));
    [...steps.querySelectorAll('button')].forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.testid === `request-step-${openStep}`)));
  }

  function openForm(step) {
    openStep = step.name;
    const form = createStepForm({
      t, step, request, me, loadRooms, loadWorkers,
      onSubmit: async (params) => {
        const reply = await call(step.command, params);
        if (reply && reply.request) {
          closeForm();
          showInfo(t('step.done', { step: t(`step.${step.name}`), number: reply.request.number }));
          show(reply.request);
          onChanged();
        } else {
          // Refused (the error is shown): someone may have moved the request meanwhile.
          await reload();
          onChanged();
        }
      },
      onCancel: closeForm,
    });
    replace(formBox, form.el);
    renderSteps(request);
    const first = form.el.querySelector('input, textarea, select');
    if (first) first.focus();
  }

  function closeForm() {
    openStep = null;
    replace(formBox);
    steps.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', 'false'));
  }

  /** Fetches the shown request again, quietly: a failed poll waits for the next one. */
  async function reload() {
    const id = request && request.id;
    if (!id) return;
    const reply = await query('getRequest', { id }).catch(() => null);
    if (reply && reply.request && request && request.id === id) show(reply.request);
  }

  function showPhoto(r) {
    if (r.photoId === photoOf) return;
    photoOf = r.photoId || null;
    photo.hidden = true;
    photo.removeAttribute('src');
    if (!photoOf) return;
    const wanted = photoOf;
    fetchPhoto(r.id, token()).then((url) => {
      if (photoOf !== wanted) return;
      photo.src = url;
      photo.hidden = false;
    }).catch(showError);
  }

  function show(r) {
    const switched = !request || request.id !== r.id;
    if (switched) closeForm();
    request = r;
    el.hidden = false;
    title.textContent = t('request.title', { number: r.number, kind: r.kind });
    status.textContent = statusText(r.status);
    status.dataset.status = r.status;
    el.dataset.status = r.status;
    const late = !!r.informDueAt && r.informDueAt < serverNow();
    renderKeyed(facts, JSON.stringify([r.id, r.what, r.where, r.resident, r.channel, r.receivedAt, r.enteredBy, r.dispatchedTo, r.handler,
      r.nextFollowUpAt, r.informDueAt, late, r.reopenCount]), () => factList(r));
    publicTitle.show(r);
    renderKeyed(records, JSON.stringify([r.id, r.publicTitle, r.topic, r.consultations, r.agreements, r.completions, r.notifications, r.ratings,
      r.escalations, r.transfers, r.followUps]), () => recordNodes(r));
    renderKeyed(history, JSON.stringify([r.id, r.history]), () => historyRows(r));
    renderSteps(r);
    showPhoto(r);
  }

  return {
    el,
    /** The id of the request shown, or null. */
    get id() { return request ? request.id : null; },
    show,
    /** Loads the request from the server and shows it. */
    async open(id) {
      const reply = await call('getRequest', { id });
      if (!reply || !reply.request) return;
      show(reply.request);
      el.scrollIntoView({ block: 'nearest' });
    },
    reload,
    hide() {
      closeForm();
      request = null;
      photoOf = null;
      photo.hidden = true;
      photo.removeAttribute('src');
      el.hidden = true;
    },
  };
}
