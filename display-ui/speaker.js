// The current speaker with a countdown readable from the back row, and who comes next. The last
// 30 s are said in words as well as in colour, and a speech the clock ended keeps 发言时间到 with
// the speaker's name on screen for a few seconds before the block says that nobody is speaking.

import { h, renderKeyed } from '/common/dom.js';
import { floorOf, queueOf } from '/common/snapshot.js';
import { remainingMs, formatMmSs } from '/common/clock.js';

const NEXT_COUNT = 3;
const WARNING_MS = 30000;
// Held from the snapshot without the floor; the room has seen 00:00 a moment before, so a hold of
// 4 s keeps 发言时间到 up at least 3 s however late the snapshot comes.
const HOLD_MS = 4000;
// A floor that leaves the snapshot with this little time left ran out by itself (SpeechClock);
// one that leaves earlier was ended by the host, and no hold follows.
const RAN_OUT_MS = 1500;

/** onResize: called when the block's text changed its size (the caller fits the type again). */
export function createSpeaker(t, { onResize = () => {} } = {}) {
  const name = h('div', { class: 'speaker-name', testid: 'speaker' });
  const countdown = h('div', { class: 'countdown', testid: 'countdown' });
  const state = h('div', { class: 'speaker-state', testid: 'speaker-state', role: 'status' });
  const next = h('div', { class: 'next-list', testid: 'next-speakers' });
  const el = h('section', { class: 'speaker-block fit-box' },
    h('div', { class: 'label' }, t('speaker.label')), name, countdown, state,
    h('div', { class: 'next' }, h('span', { class: 'label' }, t('next.label')), next));
  let floor = null;
  let held = null; // {name, until} of a speech the clock ended, while 发言时间到 stays up

  function showName() {
    const who = floor ? floor.name : held ? held.name : null;
    const text = who || t('speaker.none');
    if (name.textContent !== text) {
      name.textContent = text;
      name.dataset.empty = String(!who);
      onResize();
    }
  }

  function setState(value, text) {
    el.dataset.state = value;
    if (state.textContent !== text) state.textContent = text;
  }

  function tick() {
    if (held && Date.now() >= held.until) {
      held = null;
      showName();
    }
    countdown.hidden = !floor && !held;
    if (!floor) {
      if (held) countdown.textContent = formatMmSs(0);
      setState(held ? 'over' : 'idle', held ? t('speaker.over') : '');
      return;
    }
    const ms = remainingMs(floor);
    countdown.textContent = formatMmSs(ms);
    if (ms <= 0) setState('over', t('speaker.over'));
    else if (floor.pausedAt != null) setState(ms <= WARNING_MS ? 'warning' : 'normal', t('speaker.paused'));
    else if (ms <= WARNING_MS) setState('warning', t('speaker.warning', { s: Math.ceil(ms / 1000) }));
    else setState('normal', '');
  }

  return {
    el,
    tick,
    /** Whether someone is speaking, or a speech that ran out is still on screen. */
    busy: () => Boolean(floor || held),
    update(snap) {
      const now = floorOf(snap);
      if (!now && floor && floor.pausedAt == null && remainingMs(floor) <= RAN_OUT_MS) {
        held = { name: floor.name, until: Date.now() + HOLD_MS };
      } else if (now || floor) {
        held = null; // a new speaker, or a speech the host ended: nothing to hold
      }
      floor = now;
      showName();
      const upcoming = queueOf(snap).slice(0, NEXT_COUNT);
      renderKeyed(next, JSON.stringify(upcoming.map((e) => [e.attendeeId, e.name])), () => (upcoming.length === 0
        ? h('span', { class: 'muted' }, t('next.none'))
        : h('ol', {}, upcoming.map((e) => h('li', { dataset: { attendeeId: e.attendeeId } }, e.name)))));
      tick();
    },
  };
}
