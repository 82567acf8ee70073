// The sign-in form. On success hands {token, name, role} to onSignedIn. An account whose password
// is temporary (new, or reset by an administrator) is answered PASSWORD_CHANGE_REQUIRED: the form
// then asks for a new password twice and signs in again with it; the server replaces the password
// in the same request.

import { h } from '../common/dom.js';
import { errorText } from '../common/i18n.js';
import { login } from './api.js';

const MIN_PASSWORD = 8;

/** 40 → "40 秒", 900 → "15 分钟". */
function waitText(t, seconds) {
  const s = Math.max(1, Number(seconds) || 1);
  return s < 90 ? t('login.waitSeconds', { n: s }) : t('login.waitMinutes', { n: Math.ceil(s / 60) });
}

function failureText(t, err) {
  if (err.code === 'UNAUTHENTICATED') return t('login.failed');
  if (err.code === 'LOGIN_THROTTLED') return t('login.throttled', { wait: waitText(t, err.retryAfter) });
  if (err.code === 'ACCOUNT_DISABLED') return t('login.disabled');
  if (err.code === 'OFFLINE') return t('login.unreachable');
  return errorText(t, err);
}

export function createLoginForm({ t, onSignedIn }) {
  const user = h('input', { id: 'login-user', testid: 'login-user', name: 'username', autocomplete: 'username', required: true });
  const pass = h('input', { id: 'login-pass', testid: 'login-pass', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const newPass = h('input', { id: 'login-new-pass', testid: 'login-new-pass', type: 'password', autocomplete: 'new-password', minLength: MIN_PASSWORD, maxLength: 256 });
  const repeatPass = h('input', { id: 'login-repeat-pass', testid: 'login-repeat-pass', type: 'password', autocomplete: 'new-password', minLength: MIN_PASSWORD, maxLength: 256 });
  const changeHint = h('p', { class: 'hint', testid: 'login-change-required', role: 'status' }, t('login.changeRequired'));
  const changePart = h('div', { class: 'field', hidden: true },
    changeHint,
    h('label', { htmlFor: 'login-new-pass' }, t('login.newPass')), newPass,
    h('label', { htmlFor: 'login-repeat-pass' }, t('login.repeatPass')), repeatPass);
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'login-submit' }, t('login.submit'));
  const message = h('p', { class: 'form-error', testid: 'login-error', role: 'alert', hidden: true });

  /** Asks for a new password: the user name and the temporary password stay as typed. */
  function askNewPassword(ask) {
    changePart.hidden = !ask;
    newPass.required = ask;
    repeatPass.required = ask;
    user.readOnly = ask;
    submit.textContent = ask ? t('login.setAndSignIn') : t('login.submit');
    if (ask) newPass.focus();
  }

  function show(text) {
    message.textContent = text;
    message.hidden = false;
  }

  /** The new password, or null after saying what is wrong with it. */
  function chosenPassword() {
    if (newPass.value.length < MIN_PASSWORD) {
      show(t('login.tooShort'));
      return null;
    }
    if (newPass.value !== repeatPass.value) {
      show(t('login.mismatch'));
      repeatPass.value = '';
      return null;
    }
    return newPass.value;
  }

  async function onSubmit(event) {
    event.preventDefault();
    message.hidden = true;
    const changing = !changePart.hidden;
    const chosen = changing ? chosenPassword() : null;
    if (changing && chosen === null) return;
    submit.disabled = true;
    try {
      const result = await login(user.value.trim(), pass.value, chosen);
      pass.value = '';
      newPass.value = '';
      repeatPass.value = '';
      onSignedIn(result);
    } catch (err) {
      if (err.code === 'PASSWORD_CHANGE_REQUIRED') {
        askNewPassword(true);
        return;
      }
      if (err.code !== 'PASSWORD_NOT_CHANGED') askNewPassword(false);
      show(failureText(t, err));
    } finally {
      submit.disabled = false;
    }
  }

  const el = h('form', { class: 'panel login', onsubmit: onSubmit },
    h('h1', {}, t('login.title')),
    h('label', { htmlFor: 'login-user' }, t('login.user')), user,
    h('label', { htmlFor: 'login-pass' }, t('login.pass')), pass,
    changePart,
    message,
    submit);
  return { el, focus: () => user.focus() };
}
