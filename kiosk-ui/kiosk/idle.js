// A kiosk left in the middle of something goes back to its main screen: a picker or a question
// nobody answers within a minute was abandoned, and the next person must not meet a dead end.

export const IDLE_MS = 60000;

let lastTouch = Date.now();
const touched = () => { lastTouch = Date.now(); };
document.addEventListener('pointerdown', touched, { capture: true });
document.addEventListener('keydown', touched, { capture: true });

/** Counts as a touch: a screen that just opened starts its full minute. */
export function markTouched() {
  touched();
}

/** True once nobody has touched the screen for IDLE_MS. */
export function idleTooLong(now = Date.now()) {
  return now - lastTouch >= IDLE_MS;
}
