// How a phone page shows what went wrong: one error line, and when its first load fails, the reason
// in words and a 再试一次 button unless trying again cannot help (a bad code, a withdrawn notice, a
// malformed request).

import { h, replace } from '/common/dom.js';
import { errorMessage } from './http.js';

/** The page's one error line, and the function that shows a reason in it ('' hides it). */
export function createErrorLine() {
  const el = h('div', { class: 'error', testid: 'error', role: 'alert', hidden: true });
  function show(text) {
    el.textContent = text;
    el.hidden = !text;
    if (text) el.scrollIntoView({ block: 'nearest' });
  }
  return { el, show };
}

/** Replaces the page with the error line and, when retrying can help, a retry button. */
export function showLoadFailure({ app, error, showError, t, err, final, retry }) {
  const hopeless = final.includes(err.code) || err.code === 'BAD_REQUEST';
  const button = hopeless ? null : h('button', { type: 'button', class: 'send', testid: 'retry', onclick: retry }, t('retry'));
  replace(app, h('main', { class: 'phone' }, error, button));
  showError(errorMessage(t, err));
}
