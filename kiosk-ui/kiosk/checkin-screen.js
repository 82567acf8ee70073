// Check-in: invited attendees who have not checked in yet, as big name buttons grouped by kind,
// plus the walk-in path for residents who were not invited.

import { h, renderKeyed } from '../common/dom.js';
import { attendeesOf } from '../common/snapshot.js';
import { groupByKind } from '../common/kinds.js';
import { createMeetingLine } from './meeting-line.js';

/** onWalkIn(): go to the walk-in screen; onCheckedIn(): after a check-in; onBack (optional): back button. */
export function createCheckinScreen({ t, act, onWalkIn, onCheckedIn, onBack }) {
  const meetingLine = createMeetingLine(t);
  const list = h('div', { class: 'checkin-list' });
  const el = h('main', { class: 'screen checkin' },
    meetingLine.el,
    h('h1', {}, t('checkin.title')),
    list,
    h('div', { class: 'row' },
      h('button', { class: 'btn btn-primary btn-wide', testid: 'walk-in', onclick: onWalkIn }, t('checkin.walkIn')),
      onBack ? h('button', { class: 'btn btn-secondary', testid: 'checkin-back', onclick: onBack }, t('checkin.back')) : null));

  async function checkIn(attendeeId) {
    const reply = await act('checkIn', { attendeeId });
    if (reply && onCheckedIn) onCheckedIn(attendeeId);
  }

  function build(invited) {
    if (invited.length === 0) return h('p', { class: 'status-text', testid: 'checkin-empty' }, t('checkin.empty'));
    return groupByKind(invited).map(([kind, people]) => h('section', { class: 'kind-group' },
      h('h2', { class: 'kind-title' }, t(`kind.${kind}`)),
      h('div', { class: 'name-grid' }, people.map((a) => h('button', {
        class: 'btn btn-name', testid: `checkin-${a.id}`, onclick: () => checkIn(a.id),
      }, a.name)))));
  }

  return {
    el,
    update(snap) {
      meetingLine.update(snap);
      const invited = attendeesOf(snap).filter((a) => !a.walkIn && !a.checkedIn);
      renderKeyed(list, JSON.stringify(invited.map((a) => [a.id, a.name, a.kind])), () => build(invited));
    },
  };
}
