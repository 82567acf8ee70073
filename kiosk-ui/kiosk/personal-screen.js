// Personal mode: the kiosk acts for the one attendee checked in on it — raise or lower a hand,
// see the place in the queue, speak against a countdown, vote, check out. What matters most comes
// first: an open vote replaces everything else until the ballot is in; then the attendee's own
// countdown; then the meeting and the hand.

import { h, renderKeyed } from '../common/dom.js';
import { meetingOf, queuePosition, floorOf, currentMatter } from '../common/snapshot.js';
import { createMeetingLine } from './meeting-line.js';
import { createSpeakerClock } from './speaker-clock.js';
import { createVotePanel, ballotsDue } from './vote-panel.js';
import { heldTimeUp } from './moments.js';

/** True when the current matter's 限次 (speeches per person) is used up for this attendee. */
export function speechesUsedUp(snap, attendeeId) {
  const matter = currentMatter(snap);
  if (!matter || !matter.speechesPerPerson) return false;
  const made = (matter.speechCounts && matter.speechCounts[attendeeId]) || 0;
  return made >= matter.speechesPerPerson;
}

export function createPersonalScreen({ t, act, onCounted }) {
  const hello = h('h1', { class: 'hello', testid: 'attendee-name' });
  const meetingLine = createMeetingLine(t);
  const clock = createSpeakerClock(t);
  const hand = h('section', { class: 'hand' });
  const votePanel = createVotePanel({ t, act, onCounted });
  const checkout = h('section', { class: 'checkout' });
  const el = h('main', { class: 'screen personal' }, hello, votePanel.el, clock.el, meetingLine.el, hand, checkout);
  let me = null;
  let askingCheckout = false;

  /** While the speaker's own 发言时间到 is held, the clock has the screen: the hand and 签退 come back after it. */
  function renderHand(snap, ownTimeUp) {
    const m = meetingOf(snap);
    const floor = floorOf(snap);
    const speaking = (!!floor && floor.attendeeId === me.id) || ownTimeUp;
    const position = queuePosition(snap, me.id);
    const open = !!m && m.status === 'OPEN';
    const usedUp = !position && speechesUsedUp(snap, me.id);
    renderKeyed(hand, JSON.stringify([me.id, open, speaking, position, usedUp]), () => {
      if (!open || speaking) return [];
      if (position) {
        return [
          h('p', { class: 'queue-position', testid: 'queue-position' }, t('hand.position', { n: position })),
          h('button', { class: 'btn btn-secondary', testid: 'withdraw-hand', onclick: () => act('withdrawHand', { attendeeId: me.id }) }, t('hand.withdraw')),
        ];
      }
      if (usedUp) return h('p', { class: 'hand-limit', testid: 'hand-limit' }, t('hand.usedUp'));
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
      el.classList.toggle('ballot-first', ballotsDue(snap, [me]).length > 0);
      meetingLine.update(snap);
      const floor = floorOf(snap);
      const timeUp = heldTimeUp();
      const ownTimeUp = !!timeUp && timeUp.attendeeId === me.id;
      clock.update(floor && floor.attendeeId === me.id ? floor : null, null, ownTimeUp ? timeUp : null);
      renderHand(snap, ownTimeUp);
      checkout.hidden = ownTimeUp;
      votePanel.update(snap, me.id, me);
      renderCheckout();
    },
    away: () => askingCheckout || votePanel.choosing(),
    home() {
      askingCheckout = false;
      renderCheckout();
      votePanel.reset();
    },
  };
}
