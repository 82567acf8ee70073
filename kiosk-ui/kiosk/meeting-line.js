// The top lines every kiosk screen shares: meeting title, what is being discussed, who speaks —
// and, for a few seconds after a speech ran out by itself, whose time is up.

import { h, renderKeyed } from '../common/dom.js';
import { meetingOf, currentMatter, floorOf } from '../common/snapshot.js';
import { formatPlannedTime } from '../common/clock.js';
import { heldTimeUp } from './moments.js';

export function createMeetingLine(t) {
  const el = h('header', { class: 'meeting-line' });
  return {
    el,
    update(snap) {
      const m = meetingOf(snap);
      const matter = currentMatter(snap);
      const floor = floorOf(snap);
      const timeUp = heldTimeUp();
      const key = JSON.stringify([m && m.title, m && m.status, m && m.startsAt, matter && matter.title, floor && floor.name,
        timeUp && timeUp.speechId]);
      renderKeyed(el, key, () => {
        if (!m) return h('p', { class: 'status-text' }, t('noMeeting'));
        const lines = [h('div', { class: 'meeting-title' }, m.title || '')];
        if (m.status !== 'OPEN') lines.push(h('p', { class: 'status-text', testid: 'meeting-status' }, t(`meeting.${m.status}`)));
        if (m.status === 'SCHEDULED' && m.startsAt) {
          lines.push(h('p', { class: 'status-text', testid: 'meeting-time' }, t('meeting.plannedAt', { time: formatPlannedTime(m.startsAt) })));
        }
        else lines.push(h('p', { class: 'current-matter', testid: 'current-matter' },
          matter ? t('matter.current', { title: matter.title }) : t('matter.none')));
        if (timeUp) lines.push(h('p', { class: 'time-up-line', testid: 'time-up-line', role: 'status' }, t('floor.timeUpOf', { name: timeUp.name })));
        if (floor) lines.push(h('p', { class: 'speaker-line', testid: 'speaker-line' }, t('floor.other', { name: floor.name })));
        return lines;
      });
    },
  };
}
