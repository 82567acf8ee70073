// Raised hands in the order the server will give the floor, with a button per person and "next"
// (only while the meeting is open: before and after it, there is no floor to give).

import { h, renderKeyed } from '../common/dom.js';
import { queueOf, meetingOf } from '../common/snapshot.js';

export function createQueuePanel({ t, act }) {
  const body = h('div', { class: 'panel-body' });
  const el = h('section', { class: 'panel queue' }, h('h2', {}, t('queue.title')), body);

  function build(queue, open) {
    if (!open) return h('p', { class: 'muted', testid: 'queue-closed' }, t('queue.notOpen'));
    return [
      queue.length === 0
        ? h('p', { class: 'muted', testid: 'queue-empty' }, t('queue.empty'))
        : h('ol', { class: 'queue-list', testid: 'queue' }, queue.map((e) => h('li', { testid: `queue-${e.attendeeId}` },
          h('span', { class: 'queue-name' }, e.name),
          h('span', { class: 'muted' }, ` ${t(`kind.${e.kind}`)} · ${t('queue.made', { n: e.speechesMade || 0 })}`),
          h('button', { class: 'btn btn-small', testid: `give-floor-${e.attendeeId}`, onclick: () => act('giveFloor', { attendeeId: e.attendeeId }) }, t('queue.give'))))),
      h('button', { class: 'btn btn-primary', testid: 'give-floor-next', onclick: () => act('giveFloor') }, t('queue.next')),
    ];
  }

  return {
    el,
    update(snap) {
      const queue = queueOf(snap);
      const m = meetingOf(snap);
      const open = !!m && m.status === 'OPEN';
      renderKeyed(body, JSON.stringify([open, queue.map((e) => [e.attendeeId, e.name, e.kind, e.speechesMade])]), () => build(queue, open));
    },
  };
}
