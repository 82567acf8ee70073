// Type that fits its box: long titles, motions, verdicts and notices shrink instead of running
// past the screen's edge. A box's CSS sizes its text as calc(<size> * var(--fit)); fitBox finds the
// largest --fit, down to a floor, at which nothing overflows the box. The box must be laid out
// (in the document, not hidden) and bounded (a height of its own or a max-height).

const STEPS = 7; // halvings between the floor and 1: within 1% of the best scale

const overflows = (box) => box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;

/**
 * Sets the box's --fit to the largest scale in [min, 1] at which its content fits; answers that
 * scale. data-overflow="true" says that even the floor did not fit (the caller pages or accepts it).
 */
export function fitBox(box, { min = 0.5, variable = '--fit' } = {}) {
  const set = (scale) => box.style.setProperty(variable, scale.toFixed(3));
  set(1);
  if (!box.isConnected || box.clientHeight === 0 || !overflows(box)) {
    box.dataset.overflow = 'false';
    return 1;
  }
  set(min);
  if (overflows(box)) {
    box.dataset.overflow = 'true';
    return min;
  }
  let fits = min;
  let fails = 1;
  for (let i = 0; i < STEPS; i += 1) {
    const mid = (fits + fails) / 2;
    set(mid);
    if (overflows(box)) fails = mid;
    else fits = mid;
  }
  set(fits);
  box.dataset.overflow = 'false';
  return fits;
}
