// The lookup page (/r/ without a code): a resident who lost their progress page finds it again by
// the request's number and the last four digits of the phone they gave when filing, then lands on
// that request's own status page. An unknown number and a wrong phone get the same answer, and a
// request filed without a phone cannot be found this way: the page says so before anyone types.

import { h, replace } from '/common/dom.js';
import { createI18n } from '/common/i18n.js';
import { api, errorMessage } from './http.js';
import { createErrorLine } from './load-failure.js';
import { MESSAGES } from './messages.js';

const t = createI18n(MESSAGES);
document.title = t('lookup.title');
const app = document.getElementById('app');
const { el: error, show: showError } = createErrorLine();

/** 2611-0042, 26110042 or ２６１１－００４２ as the server writes numbers (2611-0042); '' if it is not one. */
export function normalNumber(text) {
  const digits = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[^0-9]/g, '');
  return digits.length >= 8 && digits.length <= 10 ? `${digits.slice(0, 4)}-${digits.slice(4)}` : '';
}

function field(id, label, hint, input) {
  return [h('label', { for: id }, label), hint ? h('p', { class: 'hint' }, hint) : null, input];
}

function form() {
  const number = h('input', {
    id: 'lookup-number', testid: 'lookup-number', inputmode: 'numeric', autocomplete: 'off', maxLength: 12,
    placeholder: t('lookup.numberExample'),
  });
  const phone = h('input', {
    id: 'lookup-phone', testid: 'lookup-phone', inputmode: 'numeric', autocomplete: 'off', maxLength: 4, pattern: '[0-9]*',
  });
  const send = h('button', { type: 'submit', class: 'send', testid: 'lookup-send' }, t('lookup.send'));
  const el = h('form', { class: 'form notice', novalidate: true, testid: 'lookup-form' },
    field('lookup-number', t('lookup.numberLabel'), t('lookup.numberHint'), number),
    field('lookup-phone', t('lookup.phoneLabel'), null, phone),
    send);
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { number: normalNumber(number.value), phoneLast4: phone.value.replace(/[^0-9]/g, '') };
    if (!body.number) return showError(t('lookup.needNumber'));
    if (body.phoneLast4.length !== 4) return showError(t('lookup.needPhone'));
    send.disabled = true;
    send.textContent = t('lookup.sending');
    try {
      const { statusToken } = await api('/api/requests/lookup', { method: 'POST', body });
      showError('');
      location.assign(`/r/${encodeURIComponent(statusToken)}`);
    } catch (err) {
      showError(errorMessage(t, err));
      send.disabled = false;
      send.textContent = t('lookup.send');
    }
    return undefined;
  });
  return el;
}

replace(app, h('main', { class: 'phone' },
  h('h1', { class: 'title page-title' }, t('lookup.title')),
  h('p', { class: 'lead' }, t('lookup.lead')),
  form(), error,
  h('section', { class: 'notice', testid: 'lookup-no-phone' },
    h('h2', {}, t('lookup.noPhoneTitle')),
    h('p', { class: 'hint' }, t('lookup.noPhone')))));
