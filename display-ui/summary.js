// 主持人总结 on the room display: the host's summary of the current matter, large, while it is read.
// A long summary first shrinks (fit-text.js) down to a size still readable from the back row; past
// that floor it is cut into pages, at a sentence's end where one is near, that turn every PAGE_MS.
// Nothing is ever clipped: each page is checked against the block as it is laid out.

import { h } from '/common/dom.js';
import { fitBox } from './fit-text.js';

const MIN_FIT = 0.5;
const PAGE_MS = 15000; // about 100 characters read aloud at the pace of a meeting
const BREAKS = '。！？；\n';
const SOFT_BREAKS = '，、：,;. ';

export function createSummary(t) {
  const by = h('span', { class: 'summary-by', testid: 'summary-by' });
  const text = h('div', { class: 'summary-text', testid: 'summary-text' });
  const page = h('div', { class: 'summary-page', testid: 'summary-page', hidden: true });
  const el = h('section', { class: 'summary-block fit-box', testid: 'summary', hidden: true },
    h('div', { class: 'label' }, t('summary.label'), by), text, page);
  let full = '';
  let pages = [''];
  let index = 0;
  let turnedAt = 0;
  let fittedFor = null; // the text and box size the pages were cut for

  const overflows = () => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;

  function show(i) {
    index = i;
    turnedAt = Date.now();
    text.textContent = pages[i];
    page.hidden = pages.length < 2;
    page.textContent = t('summary.page', { n: i + 1, of: pages.length });
  }

  /** The longest piece of full from start that fits at the floor, ended at a break when one is near. */
  function pieceFrom(start) {
    let fits = start + 1;
    let fails = full.length + 1;
    while (fails - fits > 1) {
      const mid = Math.floor((fits + fails) / 2);
      text.textContent = full.slice(start, mid);
      if (overflows()) fails = mid;
      else fits = mid;
    }
    if (fits >= full.length) return full.length;
    const least = start + Math.floor((fits - start) * 0.6);
    for (const breaks of [BREAKS, SOFT_BREAKS]) {
      for (let i = fits; i > least; i -= 1) if (breaks.includes(full[i - 1])) return i;
    }
    return fits;
  }

  /** Cuts the text into pages that fit at the floor; the page line is laid out as the last page would show it. */
  function paginate() {
    el.style.setProperty('--fit', String(MIN_FIT));
    page.hidden = false;
    page.textContent = t('summary.page', { n: 99, of: 99 });
    const cut = [];
    let start = 0;
    while (start < full.length) {
      const end = pieceFrom(start);
      cut.push(full.slice(start, end).trim());
      start = end;
      while (start < full.length && /\s/.test(full[start])) start += 1;
    }
    return cut.length > 0 ? cut : [''];
  }

  return {
    el,
    /** Sets the summary ({text, by}) or hides the block (null); answers whether anything changed. */
    set(summary) {
      const next = summary ? summary.text : '';
      const changed = next !== full || el.hidden !== !summary;
      el.hidden = !summary;
      by.textContent = summary && summary.by ? t('summary.by', { name: summary.by }) : '';
      if (next !== full) {
        full = next;
        pages = [full];
        fittedFor = null;
        show(0);
      }
      return changed;
    },
    /** Fits the type to the block, or pages it; only when the text or the block's size changed. */
    fit() {
      if (el.hidden) return;
      // web fonts arriving change the glyphs' sizes, not the box's: they are part of the key
      const key = `${el.clientWidth}x${el.clientHeight} ${document.fonts ? document.fonts.status : ''}`;
      if (fittedFor === key) return;
      fittedFor = key;
      pages = [full];
      show(0);
      fitBox(el, { min: MIN_FIT });
      if (el.dataset.overflow === 'true') {
        pages = paginate();
        el.dataset.overflow = 'false';
        show(0);
      }
    },
    tick() {
      if (!el.hidden && pages.length > 1 && Date.now() - turnedAt >= PAGE_MS) show((index + 1) % pages.length);
    },
  };
}
