// The big countdown an attendee sees while they have the floor: warns (colour, words, one beep)
// from 30 seconds left, and says when time is up — held for a few seconds after the server ended
// the speech, so 发言时间到 is seen rather than the countdown vanishing. Time left comes from the
// server's floor.

import { h } from '../common/dom.js';
import { remainingMs, formatMmSs } from '../common/clock.js';
import { cue } from './sound.js';

const WARNING_MS = 30000;
const warnedSpeeches = new Set(); // one beep per speech, even if the screen is rebuilt

export function createSpeakerClock(t) {
  const title = h('div', { class: 'floor-title' });
  const countdown = h('div', { class: 'countdown', testid: 'countdown', 'aria-live': 'off' }, '00:00');
  const status = h('div', { class: 'floor-status', testid: 'floor-status', 'aria-live': 'polite' });
  const el = h('section', { class: 'floor-mine', hidden: true }, title, countdown, status);
  let floor = null;
  let held = null;

  function setStatus(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  function tick() {
    if (held && !floor) {
      countdown.textContent = formatMmSs(0);
      el.dataset.state = 'over';
      setStatus(t('floor.over'));
      return;
    }
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
    setStatus(text);
    if (state === 'warning' && !paused && !warnedSpeeches.has(floor.speechId)) {
      warnedSpeeches.add(floor.speechId);
      cue('warning', null);
    }
  }

  return {
    el,
    tick,
    /**
     * floor: the snapshot's floor when it belongs to `name`, else null; timeUp: this kiosk's
     * speech that just ran out (moments.heldTimeUp), shown as 发言时间到 while there is no floor.
     */
    update(nextFloor, name, timeUp = null) {
      floor = nextFloor;
      held = floor ? null : timeUp;
      el.hidden = !floor && !held;
      el.dataset.held = String(!!held);
      if (floor) title.textContent = name ? `${name}：${t('floor.yours')}` : t('floor.yours');
      else title.textContent = held ? held.name : '';
      tick();
    },
  };
}
