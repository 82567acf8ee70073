// A short warning tone. Browsers only let a page make sound after a tap, so the audio context is
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

/** Two short 880 Hz tones; silently does nothing where sound is unavailable. */
export function beep() {
  try {
    unlock();
    if (!ctx) return;
    const start = ctx.currentTime + 0.02;
    for (const offset of [0, 0.35]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.6, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.3);
    }
  } catch (e) {
    console.warn('beep failed', e);
  }
}
