// The first-start page: creates the first administrator with the one-time setup code that the
// server printed in its log, then sends the user to the staff console to sign in.

import { h, replace } from '../common/dom.js';
import { createI18n, errorText } from '../common/i18n.js';
import { MESSAGES } from './messages.js';

const t = createI18n(MESSAGES);
document.title = t('title');
const app = document.getElementById('app');

function field(id, label, attrs = {}) {
  const input = h('input', { id, testid: `setup-${id}`, name: id, required: true, ...attrs });
  return { input, nodes: [h('label', { htmlFor: id }, label), input] };
}

function finished(text) {
  replace(app, h('section', { class: 'panel login', testid: 'setup-done' },
    h('h1', {}, t('title')), h('p', {}, text),
    h('a', { class: 'btn btn-primary', href: '/console/', testid: 'setup-to-console' }, t('toConsole'))));
}

function showForm() {
  const code = field('code', t('code'), { autocomplete: 'off', autocapitalize: 'characters' });
  const username = field('username', t('username'), { autocomplete: 'username', pattern: '[A-Za-z0-9._\\-]{2,32}' });
  const name = field('name', t('name'), { maxLength: 40 });
  const password = field('password', t('password'), { type: 'password', autocomplete: 'new-password', minLength: 8 });
  const again = field('password2', t('password2'), { type: 'password', autocomplete: 'new-password', minLength: 8 });
  const message = h('p', { class: 'form-error', testid: 'setup-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'setup-submit' }, t('submit'));

  function fail(text) {
    message.textContent = text;
    message.hidden = false;
  }

  async function onSubmit(event) {
    event.preventDefault();
    message.hidden = true;
    if (password.input.value !== again.input.value) return fail(t('mismatch'));
    submit.disabled = true;
    try {
      const res = await fetch('/api/setup', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          code: code.input.value.trim(), username: username.input.value.trim(),
          name: name.input.value.trim(), password: password.input.value,
        }),
      });
      if (res.ok) return finished(t('done'));
      const data = await res.json().catch(() => ({}));
      fail(errorText(t, { code: data.code, message: data.message }));
    } catch {
      fail(t('error.OFFLINE'));
    } finally {
      submit.disabled = false;
    }
  }

  replace(app, h('form', { class: 'panel login', testid: 'setup-form', onsubmit: onSubmit },
    h('h1', {}, t('title')), h('p', {}, t('intro')),
    ...code.nodes, ...username.nodes, ...name.nodes, ...password.nodes, ...again.nodes, message, submit));
  code.input.focus();
}

fetch('/api/setup').then((res) => res.json())
  .then((status) => (status.needed ? showForm() : finished(t('notNeeded'))))
  .catch(() => showForm());
