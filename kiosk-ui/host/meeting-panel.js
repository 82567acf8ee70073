// Meeting status with open/close, and the agenda with the current matter and a button per matter.

import { h, renderKeyed } from '../common/dom.js';
import { meetingOf } from '../common/snapshot.js';
import { outcomeText } from './outcome.js';

export function createMeetingPanel({ t, act }) {
  const status = h('div', { class: 'panel-body' });
  const agenda = h('ol', { class: 'agenda', testid: 'agenda' });
  const el = h('section', { class: 'panel meeting' },
    h('h2', {}, t('meeting.title')), status,
    h('h3', {}, t('agenda.title')), agenda);

  function buildStatus(m) {
    if (!m) return h('p', { class: 'muted' }, t('meeting.none'));
    return [
      h('p', { class: 'meeting-name' }, m.title || ''),
      h('p', { testid: 'meeting-status', dataset: { status: m.status } }, t('meeting.status', { status: t(`status.${m.status}`) })),
      h('div', { class: 'row' },
        m.status === 'SCHEDULED' ? h('button', { class: 'btn btn-primary', testid: 'open-meeting', onclick: () => act('openMeeting') }, t('meeting.open')) : null,
        m.status === 'OPEN' ? h('button', { class: 'btn btn-danger', testid: 'close-meeting', onclick: () => act('closeMeeting') }, t('meeting.close')) : null),
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
        current
          ? h('span', { class: 'badge' }, t('agenda.current'))
          : h('button', { class: 'btn btn-small', testid: `goto-matter-${index}`, onclick: () => act('gotoMatter', { index }) }, t('agenda.goto')));
    });
  }

  return {
    el,
    update(snap) {
      const m = meetingOf(snap);
      renderKeyed(status, JSON.stringify(m && [m.title, m.status]), () => buildStatus(m));
      renderKeyed(agenda, JSON.stringify(m && [m.currentMatter, m.agenda]), () => buildAgenda(m));
    },
  };
}
