// The sign-in form. On success hands {token, name, role} to onSignedIn.

import { h } from '../common/dom.js';
import { errorText } from '../common/i18n.js';
import { login } from './api.js';

/** 40 → "40 秒", 900 → "15 分钟". */
function waitText(t, seconds) {
  const s = Math.max(1, Number(seconds) || 1);
  return s < 90 ? t('login.waitSeconds', { n: s }) : t('login.waitMinutes', { n: Math.ceil(s / 60) });
}

export function createLoginForm({ t, onSignedIn }) {
  const user = h('input', { id: 'login-user', testid: 'login-user', name: 'username', autocomplete: 'username', required: true });
  const pass = h('input', { id: 'login-pass', testid: 'login-pass', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'login-submit' }, t('login.submit'));
  const message = h('p', { class: 'form-error', testid: 'login-error', role: 'alert', hidden: true });

  async function onSubmit(event) {
    event.preventDefault();
    submit.disabled = true;
    message.hidden = true;
    try {
      const result = await login(user.value.trim(), pass.value);
      pass.value = '';
      onSignedIn(result);
    } catch (err) {
      message.textContent = err.code === 'UNAUTHENTICATED' ? t('login.failed')
        : err.code === 'LOGIN_THROTTLED' ? t('login.throttled', { wait: waitText(t, err.retryAfter) })
          : err.code === 'OFFLINE' ? t('login.unreachable') : errorText(t, err);
      message.hidden = false;
    } finally {
      submit.disabled = false;
    }
  }

  const el = h('form', { class: 'panel login', onsubmit: onSubmit },
    h('h1', {}, t('login.title')),
    h('label', { htmlFor: 'login-user' }, t('login.user')), user,
    h('label', { htmlFor: 'login-pass' }, t('login.pass')), pass,
    message,
    submit);
  return { el, focus: () => user.focus() };
}
