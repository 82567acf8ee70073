// The current speaker with a countdown readable from the back row, and who comes next.

import { h, renderKeyed } from '/common/dom.js';
import { floorOf, queueOf } from '/common/snapshot.js';
import { remainingMs, formatMmSs } from '/common/clock.js';

const NEXT_COUNT = 3;
const WARNING_MS = 30000;

export function createSpeaker(t) {
  const name = h('div', { class: 'speaker-name', testid: 'speaker' });
  const countdown = h('div', { class: 'countdown', testid: 'countdown' });
  const state = h('div', { class: 'speaker-state' });
  const next = h('div', { class: 'next-list', testid: 'next-speakers' });
  const el = h('section', { class: 'speaker-block' },
    h('div', { class: 'label' }, t('speaker.label')), name, countdown, state,
    h('div', { class: 'next' }, h('span', { class: 'label' }, t('next.label')), next));
  let floor = null;

  function tick() {
    countdown.hidden = !floor;
    if (!floor) {
      el.dataset.state = 'idle';
      state.textContent = '';
      return;
    }
    const ms = remainingMs(floor);
    countdown.textContent = formatMmSs(ms);
    el.dataset.state = ms <= 0 ? 'over' : ms <= WARNING_MS ? 'warning' : 'normal';
    const text = ms <= 0 ? t('speaker.over') : floor.pausedAt != null ? t('speaker.paused') : '';
    if (state.textContent !== text) state.textContent = text;
  }

  return {
    el,
    tick,
    update(snap) {
      floor = floorOf(snap);
      name.textContent = floor ? floor.name : t('speaker.none');
      name.dataset.empty = String(!floor);
      const upcoming = queueOf(snap).slice(0, NEXT_COUNT);
      renderKeyed(next, JSON.stringify(upcoming.map((e) => [e.attendeeId, e.name])), () => (upcoming.length === 0
        ? h('span', { class: 'muted' }, t('next.none'))
        : h('ol', {}, upcoming.map((e) => h('li', { dataset: { attendeeId: e.attendeeId } }, e.name)))));
      tick();
    },
  };
}
