// Short tones made with Web Audio (no sound files): a warning beep and a chime for each moment an
// attendee must not miss. Browsers only let a page make sound after a tap, so the audio context is
// created (or resumed) on the first touch anywhere on the kiosk.

let ctx = null;

function unlock() {
  const AudioCtx = window.AudioContext || window.webkitAudioContext;
  if (!AudioCtx) return;
  if (!ctx) ctx = new AudioCtx();
  if (ctx.state === 'suspended') ctx.resume().catch(() => {});
}

export function enableSound() {
  document.addEventListener('pointerdown', unlock, { capture: true });
  document.addEventListener('keydown', unlock, { capture: true });
}

// Notes in Hz, each [frequency, start offset s]: rising for "your turn", a bright triple for a
// vote, falling for "time is up", so the three are told apart without looking.
const CHIMES = {
  warning: [[880, 0], [880, 0.35]],
  turn: [[659, 0], [784, 0.22], [988, 0.44]],
  vote: [[784, 0], [784, 0.2], [1047, 0.4]],
  over: [[988, 0], [784, 0.3], [523, 0.6]],
};

function play(notes) {
  try {
    unlock();
    if (!ctx) return;
    const start = ctx.currentTime + 0.02;
    for (const [frequency, offset] of notes) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.6, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.3);
    }
  } catch (e) {
    console.warn('sound failed', e);
  }
}

/** Two short 880 Hz tones (the 30-second warning); silently does nothing where sound is unavailable. */
export function beep() {
  play(CHIMES.warning);
}

/** One of the chimes: 'turn' (轮到您发言), 'vote' (表决开始) or 'over' (时间到). */
export function chime(name) {
  if (CHIMES[name]) play(CHIMES[name]);
}
