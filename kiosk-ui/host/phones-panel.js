// Phones that scanned the room display's code and ask to act for a checked-in attendee: the host
// confirms (the phone becomes that attendee's kiosk) or rejects. Hidden while nobody asks.

import { h, renderKeyed } from '../common/dom.js';

export function createPhonesPanel({ t, act }) {
  const body = h('div', { class: 'panel-body' });
  const el = h('section', { class: 'panel phones', testid: 'phone-joins', hidden: true }, h('h2', {}, t('phones.title')), body);

  function build(joins) {
    return h('ul', { class: 'phone-list' }, joins.map((j) => h('li', { testid: `phone-join-${j.id}` },
      h('span', { class: 'queue-name' }, t('phones.asks', { name: j.attendeeName })),
      h('button', { class: 'btn btn-small btn-primary', testid: `phone-confirm-${j.id}`, onclick: () => act('confirmPhone', { joinId: j.id }) }, t('phones.confirm')),
      h('button', { class: 'btn btn-small', testid: `phone-reject-${j.id}`, onclick: () => act('rejectPhone', { joinId: j.id }) }, t('phones.reject')))));
  }

  return {
    el,
    update(snap) {
      const joins = (snap && snap.phoneJoins) || [];
      el.hidden = joins.length === 0;
      renderKeyed(body, JSON.stringify(joins.map((j) => [j.id, j.attendeeName])), () => build(joins));
    },
  };
}
