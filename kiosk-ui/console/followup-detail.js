// One resolution of the 跟踪落实 tab as getResolution gives it: its facts and marks, the log of
// follow-ups, the residents' 不满意 on its result notice with the reply recorded for each, and for
// editors the three forms: 记录跟进, 答复 (one per 不满意 still waiting) and 办结. A refusal is
// shown in words beside the form that was sent; after a change the resolution is read again.

import { h, replace } from '../common/dom.js';
import { errorText } from '../common/i18n.js';
import { formatDateTime } from './format.js';

const MAX_TEXT = 1000;

/** ms → "2025-11-28", or "" for none. */
export function formatDate(ms) {
  return ms == null ? '' : formatDateTime(ms).slice(0, 10);
}

/**
 * call(action, params): a followup.cmd command (→ reply; rejects); publish(id): posts a 咨询类 or
 * 听证类 resolution's follow-up on the boards (及时公示); onChanged(): after any change.
 */
export function createFollowUpDetail({ t, call, publish, showInfo, showError, gridName, onChanged }) {
  const el = h('section', { class: 'panel request-detail', testid: 'track-detail', hidden: true, 'aria-live': 'polite' });
  let editor = false;
  let shown = null; // the resolution on screen
  let asked = 0;

  async function open(id) {
    const n = ++asked;
    try {
      const reply = await call('getResolution', { id });
      if (n === asked) render(reply.resolution);
    } catch (err) {
      if (err.code !== 'OFFLINE') showError(err);
    }
  }

  function fact(label, value, testid) {
    return h('div', { class: 'fact' }, h('dt', {}, label), h('dd', { testid }, value == null || value === '' ? '—' : value));
  }

  /** A form of one textarea and one button; send(text) runs the command, then the resolution is read again. */
  function textForm({ label, button, testid, done, send }) {
    const text = h('textarea', { class: 'short', maxLength: MAX_TEXT, required: true, testid: `${testid}-text` });
    const problem = h('p', { class: 'late', role: 'alert', testid: `${testid}-error`, hidden: true });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: `${testid}-save` }, button);
    const form = h('form', {
      class: 'step-form form',
      onsubmit: async (e) => {
        e.preventDefault();
        if (!text.value.trim() || submit.disabled) return;
        submit.disabled = true;
        problem.hidden = true;
        try {
          await send(text.value.trim());
          showInfo(done);
          await open(shown.id);
          onChanged();
        } catch (err) {
          if (err.code === 'UNAUTHENTICATED') showError(err);
          problem.textContent = errorText(t, err);
          problem.hidden = false;
        } finally {
          submit.disabled = false;
        }
      },
    }, h('label', { class: 'field' }, label, text), h('div', { class: 'row' }, submit), problem);
    return form;
  }

  function marks(r) {
    return h('div', { class: 'row', testid: 'track-detail-marks' },
      h('span', { class: 'status-badge', 'data-status': r.status === 'SOLVED' ? 'CLOSED' : 'NEW', testid: 'track-detail-status' },
        t(`track.status.${r.status}`)),
      r.followUpOverdue ? h('span', { class: 'badge badge-urgent' }, t('track.mark.overdue')) : null,
      r.pastDue ? h('span', { class: 'badge badge-urgent' }, t('track.mark.pastDue')) : null,
      r.unansweredComplaints ? h('span', { class: 'badge badge-urgent', testid: 'track-detail-unanswered' },
        t('track.mark.unanswered', { n: r.unansweredComplaints })) : null);
  }

  function facts(r) {
    return h('dl', { class: 'facts' },
      fact(t('track.text'), r.text, 'track-detail-text'),
      fact(t('track.responsible'), r.responsible, 'track-detail-responsible'),
      fact(t('track.dueAt'), formatDate(r.dueAt), 'track-detail-due'),
      fact(t('track.kind'), t(`topicKind.${r.topicKind}`)),
      fact(t('track.next'), formatDate(r.nextFollowUpAt), 'track-detail-next'),
      fact(t('track.meeting'), r.meetingTitle),
      fact(t('track.grids'), (r.gridIds || []).map(gridName).filter(Boolean).join('、')));
  }

  function followUps(r) {
    const items = r.followUps || [];
    return [h('h3', {}, t('track.log')),
      items.length ? h('ol', { class: 'records', testid: 'track-log' }, items.map((f) => h('li', {},
        h('div', { class: 'muted' }, t('track.log.line', { at: formatDateTime(f.at), name: (f.by || {}).name || '' })),
        h('div', { class: 'comment' }, f.found))))
        : h('p', { class: 'muted', testid: 'track-log-empty' }, t('track.log.none')),
      editor && r.status === 'OPEN' ? textForm({ label: t('track.followUp.label'), button: t('track.followUp.save'),
        testid: 'track-follow-up', done: t('track.followUp.saved'),
        send: (found) => call('followUpResolution', { id: r.id, found }) }) : null];
  }

  function complaint(r, c) {
    const reply = c.reply;
    return h('li', { class: 'feedback-item', testid: `track-complaint-${c.id}` },
      h('div', { class: 'feedback-meta' }, h('span', {}, t('track.complaint.at', { at: formatDateTime(c.at) })),
        h('span', { class: c.unanswered ? 'late' : 'ok', testid: 'track-complaint-state' },
          t(c.unanswered ? 'track.complaint.waiting' : 'track.complaint.answered'))),
      (c.comments || []).map((m) => h('div', { class: 'comment-line' },
        h('span', { class: 'comment' }, m.text), h('span', { class: 'comment-at' }, formatDateTime(m.at)))),
      reply ? h('div', { class: 'track-reply', testid: 'track-complaint-reply' },
        h('div', { class: 'muted' }, t('track.reply.shown', { name: (reply.by || {}).name || '', at: formatDateTime(reply.at) })),
        h('div', { class: 'comment' }, reply.reply)) : null,
      editor && r.status === 'OPEN' && c.unanswered ? textForm({ label: t('track.reply.label'), button: t('track.reply.save'),
        testid: `track-reply-${c.id}`, done: t('track.reply.saved'),
        send: (text) => call('answerFeedback', { id: r.id, feedbackId: c.id, reply: text }) }) : null);
  }

  function complaints(r) {
    const items = r.complaints || [];
    return [h('h3', {}, t('track.complaints')), h('p', { class: 'hint' }, t('track.complaints.hint')),
      items.length ? h('ul', { class: 'feedback-items', testid: 'track-complaints' }, items.map((c) => complaint(r, c)))
        : h('p', { class: 'muted', testid: 'track-complaints-empty' }, t('track.complaints.none'))];
  }

  function solving(r) {
    if (r.status === 'SOLVED') {
      return h('div', { class: 'track-solved', testid: 'track-solved' },
        h('h3', {}, t('track.mark.solved')),
        h('div', { class: 'muted' }, t('track.solved.line', { name: (r.solvedBy || {}).name || '', at: formatDateTime(r.solvedAt) })),
        h('div', { class: 'comment' }, r.solvedNote));
    }
    if (!editor) return h('p', { class: 'hint', testid: 'track-read-only' }, t('track.readOnly'));
    return [h('h3', {}, t('track.solve')), h('p', { class: 'hint' }, t('track.solve.hint')),
      textForm({ label: t('track.solve.label'), button: t('track.solve.save'), testid: 'track-solve', done: t('track.solve.saved'),
        send: (note) => call('solveResolution', { id: r.id, note }) })];
  }

  /** 咨询类 and 听证类 follow-ups are published (及时公示): one step, again after each follow-up. */
  function publishing(r) {
    if (!editor || !['INQUIRY', 'HEARING'].includes(r.topicKind)) return null;
    const problem = h('p', { class: 'late', role: 'alert', testid: 'track-publish-error', hidden: true });
    const button = h('button', {
      type: 'button', class: 'btn', testid: 'track-publish',
      onclick: async () => {
        button.disabled = true;
        problem.hidden = true;
        try {
          await publish(r.id);
          showInfo(t('track.publish.done'));
        } catch (err) {
          problem.textContent = errorText(t, err);
          problem.hidden = false;
        } finally {
          button.disabled = false;
        }
      },
    }, t('track.publish'));
    return h('div', { class: 'row' }, button, h('span', { class: 'hint' }, t('track.publish.hint')), problem);
  }

  function render(r) {
    shown = r;
    el.hidden = false;
    replace(el,
      h('div', { class: 'panel-head' }, h('h2', { testid: 'track-detail-title' }, r.title), h('span', { class: 'spacer' }),
        h('button', { type: 'button', class: 'btn btn-small', testid: 'track-detail-close', onclick: close }, t('track.close'))),
      marks(r), facts(r), followUps(r), publishing(r), complaints(r), solving(r));
  }

  function close() {
    asked++;
    shown = null;
    el.hidden = true;
    replace(el);
  }

  return {
    el,
    open,
    /** Reads the resolution on screen again (the tab shown again): others may have changed it. */
    reload() {
      if (shown) open(shown.id);
    },
    /** Whether the account may change anything (not a read-only viewer): forms are drawn only then. */
    setEditor(may) {
      editor = may;
      if (shown) render(shown);
    },
  };
}
