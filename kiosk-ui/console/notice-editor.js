// The notice form: write, save, publish, retract. The server decides what is allowed; when it
// answers POSTING_TOO_SHORT the form asks for a reason and sends it with the next try.

import { h, replace } from '../common/dom.js';
import { createTargetPicker } from './target-picker.js';
import { createImageField } from './image-field.js';
import { toLocalInput, fromLocalInput, thisMinute, formatDateTime, DAY_MS } from './format.js';

const KINDS = ['PUBLICITY', 'TOPIC', 'RESULT', 'PLAN', 'PROCESS', 'FOLLOW_UP'];
const PRIORITIES = [0, 1, 2];

/**
 * act(action, params, onFailure) runs a console command and resolves to its reply or null;
 * onDraft({notice, boardName}) hears every change, for the preview.
 */
export function createNoticeEditor({ t, act, token, showInfo, showError, onDraft }) {
  let current = null; // the notice as last saved on the server, null for a new one
  let dirty = false;

  const heading = h('h2', {});
  const stateLine = h('p', { class: 'state-line', testid: 'notice-state' });
  const title = h('input', { id: 'notice-title', testid: 'notice-title', maxLength: 60, oninput: changed });
  const body = h('textarea', { id: 'notice-body', testid: 'notice-body', rows: 10, maxLength: 2000, oninput: changed });
  const kind = h('select', { id: 'notice-kind', testid: 'notice-kind', onchange: changed },
    KINDS.map((k) => h('option', { value: k }, t(`noticeKind.${k}`))));
  const image = createImageField({ t, token, onInput: changed, onError: showError });
  const targets = createTargetPicker({ t, onInput: changed });
  const start = h('input', { type: 'datetime-local', id: 'notice-start', testid: 'notice-start', oninput: changed });
  const end = h('input', { type: 'datetime-local', id: 'notice-end', testid: 'notice-end', oninput: changed });
  const priority = h('select', { id: 'notice-priority', testid: 'notice-priority', onchange: changed },
    PRIORITIES.map((p) => h('option', { value: String(p) }, t(`priority.${p}`))));
  const urgent = h('input', { type: 'checkbox', id: 'notice-urgent', testid: 'notice-urgent', onchange: changed });
  const reason = h('input', { id: 'notice-reason', testid: 'notice-reason', maxLength: 200 });
  const reasonField = h('div', { class: 'field reason', testid: 'notice-reason-field', hidden: true },
    h('label', { htmlFor: 'notice-reason' }, t('editor.reason')), reason,
    h('p', { class: 'hint' }, t('editor.reasonHint')));
  const save = h('button', { type: 'button', class: 'btn', testid: 'notice-save', onclick: () => run(doSave) });
  const publish = h('button', { type: 'button', class: 'btn btn-primary', testid: 'notice-publish', onclick: () => run(doPublish) });
  const retract = h('button', { type: 'button', class: 'btn btn-danger', testid: 'notice-retract', onclick: () => run(doRetract) });
  const fresh = h('button', { type: 'button', class: 'btn btn-small', testid: 'notice-new', onclick: () => load(null) }, t('editor.new'));
  const history = h('ol', { class: 'history', testid: 'notice-history' });

  const field = (id, label, input, hint) => h('div', { class: 'field' }, h('label', { htmlFor: id }, label), input,
    hint ? h('p', { class: 'hint' }, hint) : null);
  const el = h('section', { class: 'panel editor', testid: 'notice-editor' },
    h('div', { class: 'panel-head' }, heading, h('span', { class: 'spacer' }), fresh),
    stateLine,
    h('form', { class: 'form', onsubmit: (e) => e.preventDefault() },
      field('notice-title', t('editor.title'), title),
      field('notice-body', t('editor.body'), body, t('editor.bodyHint')),
      h('div', { class: 'cols' }, field('notice-kind', t('editor.kind'), kind), field('notice-priority', t('editor.priority'), priority)),
      image.el,
      targets.el,
      h('div', { class: 'cols' }, field('notice-start', t('editor.start'), start), field('notice-end', t('editor.end'), end)),
      h('label', { class: 'check strong urgent-check', htmlFor: 'notice-urgent' }, urgent, ' ', t('editor.urgent')),
      reasonField,
      h('div', { class: 'row actions' }, save, publish, retract)),
    h('details', { class: 'history-box' }, h('summary', {}, t('editor.history')), history));

  function changed() {
    dirty = true;
    showButtons();
    draft();
  }

  // The inputs show minutes; an untouched one keeps the server's exact time, so saving a published
  // result notice does not move its start by the seconds the input cannot show.
  function timeOf(input, field) {
    if (current && current[field] != null && input.value === toLocalInput(current[field])) return current[field];
    return fromLocalInput(input.value);
  }

  /** What the form holds, in the shape saveNotice takes. */
  function params() {
    const p = {
      kind: kind.value,
      title: title.value.trim(),
      body: body.value,
      targets: targets.value(),
      startsAt: timeOf(start, 'startsAt'),
      endsAt: timeOf(end, 'endsAt'),
      priority: Number(priority.value),
      urgent: urgent.checked,
      imageId: image.value() || null,
    };
    if (current && current.state !== 'RETRACTED') p.id = current.id; // a retracted one is copied
    return withReason(p);
  }

  /** The reason staff gave after a POSTING_TOO_SHORT, or null. */
  function givenReason() {
    const text = reason.value.trim();
    return !reasonField.hidden && text ? text : null;
  }

  function withReason(p, text = givenReason()) {
    if (text) p.reason = text;
    return p;
  }

  function onFailure(err) {
    if (err && err.code === 'POSTING_TOO_SHORT') {
      reasonField.hidden = false;
      reason.focus();
    }
  }

  let busy = false;
  async function run(step) {
    if (busy) return;
    busy = true;
    el.setAttribute('aria-busy', 'true');
    try {
      await step();
    } finally {
      busy = false;
      el.removeAttribute('aria-busy');
    }
  }

  async function doSave() {
    const p = params();
    if (p.startsAt == null || p.endsAt == null) {
      showError({ code: 'BAD_REQUEST', message: t('editor.badTime') });
      return null;
    }
    const reply = await act('saveNotice', p, onFailure);
    if (reply && reply.notice) {
      load(reply.notice);
      showInfo(t('editor.saved'));
      return reply.notice;
    }
    return null;
  }

  async function doPublish() {
    const text = givenReason(); // saving first empties the form's reason; publishing needs it too
    let notice = current;
    if (!notice || dirty || notice.state !== 'DRAFT') notice = await doSave();
    if (!notice) return;
    const reply = await act('publishNotice', withReason({ id: notice.id }, text), onFailure);
    if (reply && reply.notice) {
      load(reply.notice);
      showInfo(t('editor.published'));
    }
  }

  async function doRetract() {
    if (!current) return;
    const wasUrgent = current.urgent;
    const reply = await act('retractNotice', withReason({ id: current.id }), onFailure);
    if (reply && reply.notice) {
      load(reply.notice);
      showInfo(t(wasUrgent ? 'editor.cleared' : 'editor.retracted'));
    }
  }

  function showButtons() {
    const state = current ? current.state : 'NEW';
    const saveLabel = { PUBLISHED: 'editor.saveChanges', RETRACTED: 'editor.saveAsNew' }[state] || 'editor.save';
    save.textContent = t(saveLabel);
    publish.textContent = t(state === 'RETRACTED' ? 'editor.republish' : 'editor.publish');
    publish.hidden = state === 'PUBLISHED';
    retract.hidden = state !== 'PUBLISHED';
    retract.textContent = t(current && current.urgent ? 'editor.clearUrgent' : 'editor.retract');
    heading.textContent = t(current ? 'editor.titleEdit' : 'editor.titleNew');
    stateLine.textContent = t('editor.state', { state: t(`state.${state}`) });
    stateLine.dataset.state = state;
  }

  function showHistory(items) {
    replace(history, (items || []).slice().reverse().map((item) => h('li', {},
      t('editor.historyItem', {
        at: formatDateTime(item.at),
        name: (item.by && item.by.name) || '',
        action: t.has(`action.${item.action}`) ? t(`action.${item.action}`) : item.action,
      }),
      item.reason ? h('div', { class: 'muted' }, t('editor.historyReason', { reason: item.reason })) : null)));
  }

  /** Fills the form from a notice as the server holds it, or empties it (null) for a new one. */
  function load(notice) {
    current = notice || null;
    const n = notice || {};
    const now = thisMinute();
    title.value = n.title || '';
    body.value = n.body || '';
    kind.value = n.kind || 'PUBLICITY';
    priority.value = String(n.priority || 0);
    urgent.checked = Boolean(n.urgent);
    start.value = toLocalInput(n.startsAt != null ? n.startsAt : now);
    end.value = toLocalInput(n.endsAt != null ? n.endsAt : now + 7 * DAY_MS);
    image.set(n.imageId || null);
    targets.set(n.targets || { everywhere: false, grids: [], displays: [] });
    reason.value = '';
    reasonField.hidden = true;
    dirty = false;
    showHistory(n.history);
    showButtons();
    draft();
  }

  /** The form as the display would get it (no state, history or targets). */
  let lastDraft = '';
  function draft() {
    const p = params();
    const next = {
      notice: {
        id: current ? current.id : null,
        kind: p.kind,
        title: p.title || t('preview.untitled'),
        body: p.body,
        imageId: p.imageId || null,
        startsAt: p.startsAt,
        endsAt: p.endsAt,
        priority: p.priority,
        urgent: p.urgent,
      },
      saved: Boolean(current),
      boardName: targets.boardName(),
    };
    const key = JSON.stringify(next);
    if (key === lastDraft) return; // the 10 s overview must not redraw an unchanged preview
    lastDraft = key;
    onDraft(next);
  }

  return {
    el,
    load,
    current: () => current,
    /** Retracts (clears, when urgent) a notice from the list, asking for a reason if needed. */
    retract(notice) {
      load(notice);
      return run(doRetract);
    },
    /** New grids/displays and the server's copy of the notice being edited. */
    update(overview) {
      targets.setPlaces(overview);
      if (!current) return draft();
      const fresh = (overview.notices || []).find((x) => x.id === current.id);
      // An overview asked for before our own change may arrive after it: only a newer copy counts.
      if (fresh && fresh.version > current.version) {
        if (dirty) {
          current = fresh;
          showButtons();
          showHistory(fresh.history);
        } else {
          load(fresh);
        }
      } else {
        draft();
      }
    },
  };
}
