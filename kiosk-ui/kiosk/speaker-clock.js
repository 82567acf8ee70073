// The big countdown an attendee sees while they have the floor: warns (colour, words, one beep)
// from 30 seconds left, and says when time is up. Time left comes from the server's floor.

import { h } from '../common/dom.js';
import { remainingMs, formatMmSs } from '../common/clock.js';
import { beep } from './beep.js';

const WARNING_MS = 30000;
const warnedSpeeches = new Set(); // one beep per speech, even if the screen is rebuilt

export function createSpeakerClock(t) {
  const title = h('div', { class: 'floor-title' });
  const countdown = h('div', { class: 'countdown', testid: 'countdown', 'aria-live': 'off' }, '00:00');
  const status = h('div', { class: 'floor-status', testid: 'floor-status', 'aria-live': 'polite' });
  const el = h('section', { class: 'floor-mine', hidden: true }, title, countdown, status);
  let floor = null;

  function tick() {
    if (!floor) return;
    const ms = remainingMs(floor);
    const paused = floor.pausedAt != null;
    const state = ms <= 0 ? 'over' : ms <= WARNING_MS ? 'warning' : 'normal';
    countdown.textContent = formatMmSs(ms);
    el.dataset.state = state;
    el.dataset.paused = String(paused);
    let text = '';
    if (state === 'over') text = t('floor.over');
    else if (paused) text = t('floor.paused');
    else if (state === 'warning') text = t('floor.warning');
    if (status.textContent !== text) status.textContent = text;
    if (state === 'warning' && !paused && !warnedSpeeches.has(floor.speechId)) {
      warnedSpeeches.add(floor.speechId);
      beep();
    }
  }

  return {
    el,
    tick,
    /** floor: the snapshot's floor when it belongs to `name`, else null. */
    update(nextFloor, name) {
      floor = nextFloor;
      el.hidden = !floor;
      title.textContent = floor ? (name ? `${name}：${t('floor.yours')}` : t('floor.yours')) : '';
      tick();
    },
  };
}
