// What a phone page shows when its first load fails: the reason in words, and a 再试一次 button
// unless trying again cannot help (a bad code, a withdrawn notice, a malformed request).

import { h, replace } from '/common/dom.js';
import { errorMessage } from './http.js';

/** Replaces the page with the error line and, when retrying can help, a retry button. */
export function showLoadFailure({ app, error, showError, t, err, final, retry }) {
  const hopeless = final.includes(err.code) || err.code === 'BAD_REQUEST';
  const button = hopeless ? null : h('button', { type: 'button', class: 'send', testid: 'retry', onclick: retry }, t('retry'));
  replace(app, h('main', { class: 'phone' }, error, button));
  showError(errorMessage(t, err));
}
