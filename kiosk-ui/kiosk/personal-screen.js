// Personal mode: the kiosk acts for the one attendee checked in on it — raise or lower a hand,
// see the place in the queue, speak against a countdown, vote, check out.

import { h, renderKeyed } from '../common/dom.js';
import { meetingOf, queuePosition, floorOf } from '../common/snapshot.js';
import { createMeetingLine } from './meeting-line.js';
import { createSpeakerClock } from './speaker-clock.js';
import { createVotePanel } from './vote-panel.js';

export function createPersonalScreen({ t, act }) {
  const hello = h('h1', { class: 'hello', testid: 'attendee-name' });
  const meetingLine = createMeetingLine(t);
  const clock = createSpeakerClock(t);
  const hand = h('section', { class: 'hand' });
  const votePanel = createVotePanel({ t, act });
  const checkout = h('section', { class: 'checkout' });
  const el = h('main', { class: 'screen personal' }, hello, meetingLine.el, clock.el, hand, votePanel.el, checkout);
  let me = null;
  let askingCheckout = false;

  function renderHand(snap) {
    const m = meetingOf(snap);
    const floor = floorOf(snap);
    const speaking = !!floor && floor.attendeeId === me.id;
    const position = queuePosition(snap, me.id);
    const open = !!m && m.status === 'OPEN';
    renderKeyed(hand, JSON.stringify([me.id, open, speaking, position]), () => {
      if (!open || speaking) return [];
      if (position) {
        return [
          h('p', { class: 'queue-position', testid: 'queue-position' }, t('hand.position', { n: position })),
          h('button', { class: 'btn btn-secondary', testid: 'withdraw-hand', onclick: () => act('withdrawHand', { attendeeId: me.id }) }, t('hand.withdraw')),
        ];
      }
      return h('button', { class: 'btn btn-primary btn-huge', testid: 'raise-hand', onclick: () => act('raiseHand', { attendeeId: me.id }) }, t('hand.raise'));
    });
  }

  function renderCheckout() {
    renderKeyed(checkout, JSON.stringify([me.id, askingCheckout]), () => {
      if (!askingCheckout) {
        return h('button', { class: 'btn btn-quiet', testid: 'checkout', onclick: () => { askingCheckout = true; renderCheckout(); } }, t('checkout.button'));
      }
      return [
        h('p', { class: 'question' }, t('checkout.question')),
        h('div', { class: 'row' },
          h('button', { class: 'btn btn-primary', testid: 'checkout-confirm', onclick: doCheckout }, t('checkout.yes')),
          h('button', { class: 'btn btn-secondary', testid: 'checkout-cancel', onclick: () => { askingCheckout = false; renderCheckout(); } }, t('checkout.no'))),
      ];
    });
  }

  async function doCheckout() {
    await act('checkOut', { attendeeId: me.id });
    askingCheckout = false;
    renderCheckout();
  }

  return {
    el,
    tick: () => clock.tick(),
    /** snap: the room snapshot; attendee: the one checked in on this kiosk. */
    update(snap, attendee) {
      if (!me || me.id !== attendee.id) askingCheckout = false;
      me = attendee;
      hello.textContent = t('personal.hello', { name: me.name });
      meetingLine.update(snap);
      const floor = floorOf(snap);
      clock.update(floor && floor.attendeeId === me.id ? floor : null, null);
      renderHand(snap);
      votePanel.update(snap, me.id);
      renderCheckout();
    },
  };
}
