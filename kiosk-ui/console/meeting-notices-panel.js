// 会议公示: each meeting's plan (议事方案) before it and its process (议事过程) after it, published in
// one click on the boards of the grids it concerns. The meetings come from plan.cmd; whether each
// notice is posted is read from the notices of the latest overview (their source names the meeting).

import { h, replace } from '../common/dom.js';
import { formatDateTime } from './format.js';

export const PLAN_ADDRESS = 'plan.cmd';

/** The notice made from this meeting as a whole ('plan' or 'process') and not retracted, or null. */
export function meetingNotice(notices, meetingId, kind) {
  return notices.find((n) => n.source && n.source.meetingId === meetingId && n.source.kind === kind
    && n.state !== 'RETRACTED') || null;
}

/**
 * send(address, action, params) reads plan.cmd; act(action, params) runs a console command and
 * resolves to its reply or null; notices() answers the overview's notices.
 */
export function createMeetingNoticesPanel({ t, send, act, showInfo, onOpenNotice, notices }) {
  const list = h('ul', { class: 'results', testid: 'meeting-notice-list' });
  const empty = h('p', { class: 'muted', testid: 'meeting-notice-empty', hidden: true }, t('meetingNotices.empty'));
  const el = h('section', { class: 'panel results-panel meeting-notices', testid: 'meeting-notices' },
    h('h2', {}, t('meetingNotices.title')), h('p', { class: 'hint' }, t('meetingNotices.hint')), list, empty);
  let meetings = [];
  let lastKey = '';

  async function publish(meeting, kind) {
    const reply = await act(kind === 'plan' ? 'planNotice' : 'processNotice', { meetingId: meeting.id });
    if (reply && reply.notice) {
      showInfo(t(kind === 'plan' ? 'meetingNotices.planMade' : 'meetingNotices.processMade'));
      onOpenNotice(reply.notice);
    }
  }

  function postedLine(meeting, kind) {
    const notice = meetingNotice(notices(), meeting.id, kind);
    const label = t(kind === 'plan' ? 'noticeKind.PLAN' : 'noticeKind.PROCESS');
    return h('div', { testid: `meeting-${kind}-state-${meeting.id}`, dataset: { noticeId: notice ? notice.id : '' } },
      notice ? t('meetingNotices.posted', { kind: label, until: formatDateTime(notice.endsAt) }) : t('meetingNotices.notPosted', { kind: label }),
      notice ? ' ' : null,
      notice ? h('button', { type: 'button', class: 'btn btn-small', onclick: () => onOpenNotice(notice) }, t('meetingNotices.open')) : null);
  }

  function item(meeting) {
    // the plan is posted before and during the meeting, the process once it has ended
    const kind = meeting.status === 'CLOSED' ? 'process' : 'plan';
    const posted = meetingNotice(notices(), meeting.id, kind);
    const label = `meetingNotices.${kind}${posted ? 'Again' : ''}`;
    return h('li', { testid: `meeting-notice-row-${meeting.id}`, dataset: { status: meeting.status } },
      h('div', { class: 'strong' }, meeting.title || ''),
      h('div', { class: 'muted' }, [meeting.startsAt ? formatDateTime(meeting.startsAt) : t('meetingNotices.noTime'),
        meeting.roomName, t(`meetingNotices.status.${meeting.status}`)].filter(Boolean).join(' · ')),
      kind === 'process' ? postedLine(meeting, 'plan') : null,
      postedLine(meeting, kind),
      h('button', { type: 'button', class: `btn btn-small${posted ? '' : ' btn-primary'}`, testid: `meeting-${kind}-${meeting.id}`,
        onclick: () => publish(meeting, kind) }, t(label)));
  }

  function render() {
    const key = JSON.stringify([meetings, meetings.map((m) => ['plan', 'process']
      .map((k) => { const n = meetingNotice(notices(), m.id, k); return n ? [n.id, n.endsAt] : null; }))]);
    if (key === lastKey) return;
    lastKey = key;
    empty.hidden = meetings.length > 0;
    replace(list, meetings.map(item));
  }

  /** Reads the meetings again and shows them with the notices of the latest overview. */
  async function refresh() {
    try {
      const reply = await send(PLAN_ADDRESS, 'listMeetings', {});
      meetings = (reply && reply.meetings) || [];
    } catch {
      return; // shown again at the next overview
    }
    render();
  }

  return { el, refresh };
}
