// The current speech: who, time left (ticking locally from the server's floor), and its controls.

import { h, renderKeyed } from '../common/dom.js';
import { floorOf } from '../common/snapshot.js';
import { remainingMs, formatMmSs } from '../common/clock.js';

export function createFloorPanel({ t, act }) {
  const body = h('div', { class: 'panel-body' });
  const countdown = h('div', { class: 'host-countdown', testid: 'countdown' });
  const state = h('div', { class: 'floor-state', testid: 'floor-state' });
  const el = h('section', { class: 'panel floor' }, h('h2', {}, t('floor.title')), body);
  let floor = null;

  function build() {
    if (!floor) return h('p', { class: 'muted', testid: 'floor-none' }, t('floor.none'));
    const paused = floor.pausedAt != null;
    return [
      h('p', { class: 'speaker', testid: 'floor-speaker' }, t('floor.speaker', { name: floor.name })),
      countdown,
      state,
      h('div', { class: 'row' },
        paused
          ? h('button', { class: 'btn btn-primary', testid: 'resume', onclick: () => act('resumeSpeech') }, t('floor.resume'))
          : h('button', { class: 'btn', testid: 'pause', onclick: () => act('pauseSpeech') }, t('floor.pause')),
        h('button', { class: 'btn', testid: 'extend-30', onclick: () => act('extendSpeech', { seconds: 30 }) }, t('floor.extend30')),
        h('button', { class: 'btn', testid: 'extend-60', onclick: () => act('extendSpeech', { seconds: 60 }) }, t('floor.extend60')),
        h('button', { class: 'btn btn-danger', testid: 'end-speech', onclick: () => act('endSpeech') }, t('floor.end'))),
    ];
  }

  function tick() {
    if (!floor) return;
    const ms = remainingMs(floor);
    countdown.textContent = formatMmSs(ms);
    const text = ms <= 0 ? t('floor.over') : floor.pausedAt != null ? t('floor.paused') : '';
    if (state.textContent !== text) state.textContent = text;
    el.dataset.state = ms <= 0 ? 'over' : ms <= 30000 ? 'warning' : 'normal';
  }

  return {
    el,
    tick,
    update(snap) {
      floor = floorOf(snap);
      renderKeyed(body, JSON.stringify(floor && [floor.speechId, floor.name, floor.pausedAt != null]), build);
      if (!floor) delete el.dataset.state;
      tick();
    },
  };
}
