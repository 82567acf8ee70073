// Meeting status with open/close, and the agenda with the current matter and a button per matter.
// Ending the meeting asks first, and is offered only when no speech or vote is running; so is
// 开始问卷, the attendees' questionnaire before the meeting ends.

import { h, renderKeyed } from '../common/dom.js';
import { meetingOf, queueOf } from '../common/snapshot.js';
import { outcomeText } from './outcome.js';

export function createMeetingPanel({ t, act }) {
  const status = h('div', { class: 'panel-body' });
  const agenda = h('ol', { class: 'agenda', testid: 'agenda' });
  const el = h('section', { class: 'panel meeting' },
    h('h2', {}, t('meeting.title')), status,
    h('h3', {}, t('agenda.title')), agenda);
  let confirming = false;
  let last = null;

  /** What stops the meeting from ending now, as words for the host; null when it may end. */
  function busyReason(m) {
    if (m.floor) return t('meeting.closeBusySpeech');
    if (m.vote && m.vote.status === 'OPEN') return t('meeting.closeBusyVote');
    if (m.vote && !m.vote.announced) return t('meeting.closeBusyResult');
    return null;
  }

  function closeControls(m, waiting) {
    const busy = busyReason(m);
    if (busy) {
      confirming = false;
      return [h('button', { class: 'btn btn-danger', testid: 'close-meeting', disabled: true }, t('meeting.close')),
        h('p', { class: 'muted', testid: 'close-meeting-why' }, busy)];
    }
    if (!confirming) {
      return h('button', { class: 'btn btn-danger', testid: 'close-meeting', onclick: () => { confirming = true; render(); } }, t('meeting.close'));
    }
    return h('div', { class: 'confirm', role: 'alertdialog', testid: 'close-meeting-confirm' },
      h('p', { class: 'warn' }, t('meeting.closeQuestion')),
      waiting > 0 ? h('p', { testid: 'close-meeting-hands' }, t('meeting.closeHands', { n: waiting })) : null,
      h('div', { class: 'row' },
        h('button', { class: 'btn btn-danger', testid: 'close-meeting-yes', onclick: closeMeeting }, t('meeting.closeYes')),
        h('button', { class: 'btn', testid: 'close-meeting-no', onclick: () => { confirming = false; render(); } }, t('meeting.closeNo'))));
  }

  /** 开始问卷 at the end of the meeting, then how many have answered; offered when the meeting could end. */
  function surveyControls(m, busy) {
    if (m.surveyOpenedAt) {
      const answered = (last && last.survey && last.survey.answered) || 0;
      return h('p', { class: 'survey-status', testid: 'survey-status' }, t('survey.running', { n: answered }));
    }
    if (busy) return null;
    return h('button', { class: 'btn btn-primary', testid: 'open-survey', onclick: () => act('openSurvey') }, t('survey.open'));
  }

  async function closeMeeting() {
    await act('closeMeeting');
    confirming = false;
    render();
  }

  function buildStatus(m, waiting) {
    if (!m) return h('p', { class: 'muted' }, t('meeting.none'));
    return [
      h('p', { class: 'meeting-name' }, m.title || ''),
      h('p', { testid: 'meeting-status', dataset: { status: m.status } }, t('meeting.status', { status: t(`status.${m.status}`) })),
      h('div', { class: 'row' },
        m.status === 'SCHEDULED' ? h('button', { class: 'btn btn-primary', testid: 'open-meeting', onclick: () => act('openMeeting') }, t('meeting.open')) : null,
        m.status === 'OPEN' ? surveyControls(m, busyReason(m)) : null,
        m.status === 'OPEN' ? closeControls(m, waiting) : null,
        m.status === 'CLOSED' ? h('p', { class: 'muted', testid: 'meeting-ended' }, t('meeting.ended')) : null),
    ];
  }

  function buildAgenda(m) {
    if (!m) return [];
    return (m.agenda || []).map((matter, index) => {
      const current = index === m.currentMatter;
      const r = matter.resolution;
      return h('li', { class: current ? 'matter current' : 'matter', 'aria-current': current ? 'step' : null, testid: `matter-${index}` },
        h('div', { class: 'matter-title' }, matter.title),
        h('div', { class: 'muted' }, t('agenda.limits', { seconds: matter.speechSeconds, times: matter.speechesPerPerson })),
        r && r.outcome ? h('div', { class: 'resolution' }, t('agenda.resolution', { motion: r.motion, result: outcomeText(t, r.outcome) })) : null,
        current && m.status === 'OPEN' ? h('span', { class: 'badge' }, t('agenda.current')) : null,
        !current && m.status === 'OPEN'
          ? h('button', { class: 'btn btn-small', testid: `goto-matter-${index}`, onclick: () => act('gotoMatter', { index }) }, t('agenda.goto'))
          : null);
    });
  }

  function render() {
    const m = meetingOf(last);
    const waiting = queueOf(last).length;
    const busy = m ? busyReason(m) : null;
    const survey = m && m.surveyOpenedAt ? [m.surveyOpenedAt, last.survey && last.survey.answered] : null;
    renderKeyed(status, JSON.stringify(m && [m.title, m.status, busy, confirming, waiting, survey]), () => buildStatus(m, waiting));
    renderKeyed(agenda, JSON.stringify(m && [m.status, m.currentMatter, m.agenda]), () => buildAgenda(m));
  }

  return {
    el,
    update(snap) {
      last = snap;
      render();
    },
  };
}
