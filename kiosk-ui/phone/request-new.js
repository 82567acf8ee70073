// The page a board's or a poster's code opens (/p/<token>): a resident files a request (我要反映)
// on their phone — kind, grid, building, what, an optional photo, name and phone — and gets its
// number and a link to follow it. The grid of the board is chosen already.

import { h, replace } from '/common/dom.js';
import { createI18n } from '/common/i18n.js';
import { api, tokenFromPath, errorMessage } from './http.js';
import { createPhotoField } from './photo-field.js';
import { createErrorLine, showLoadFailure } from './load-failure.js';
import { MESSAGES } from './messages.js';

const MAX_WHAT = 500;
const PHONE = /^[0-9+ -]{5,20}$/;
const FINAL = ['TOKEN_INVALID'];

const t = createI18n(MESSAGES);
document.title = t('request.newTitle');
const app = document.getElementById('app');
const token = tokenFromPath('p');
const { el: error, show: showError } = createErrorLine();

/** Big buttons of which one is chosen; answers {el, value()}. */
function choices(items, { testid, label, chosen }) {
  let value = chosen;
  const buttons = items.map((item, i) => h('button', {
    type: 'button', class: 'choice', testid: testid(item, i), 'aria-pressed': String(item === chosen),
    onclick: () => {
      value = item;
      buttons.forEach((b, j) => b.setAttribute('aria-pressed', String(j === i)));
      showError('');
    },
  }, label(item)));
  return { el: h('div', { class: 'choices', role: 'group' }, buttons), value: () => value };
}

function field(label, input, extra) {
  return [h('label', { for: input.id }, t(label), extra || null), input];
}

function formView({ kinds, grids, gridId }) {
  const kind = choices(kinds, { testid: (k, i) => `kind-${i}`, label: (k) => k, chosen: null });
  const grid = choices(grids, {
    testid: (g) => `grid-${g.id}`, label: (g) => g.name, chosen: grids.find((g) => g.id === gridId) || null,
  });
  const building = h('input', { id: 'building', testid: 'building', type: 'text', maxLength: 40, autocomplete: 'off',
    placeholder: t('request.buildingHint') });
  const count = h('span', { class: 'count' }, t('request.count', { n: 0 }));
  const what = h('textarea', { id: 'what', testid: 'what', maxLength: MAX_WHAT, rows: 5,
    oninput: () => { count.textContent = t('request.count', { n: what.value.length }); } });
  const photo = createPhotoField(t, showError);
  const name = h('input', { id: 'name', testid: 'name', type: 'text', maxLength: 20, autocomplete: 'name' });
  const phone = h('input', { id: 'phone', testid: 'phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxLength: 20 });
  const send = h('button', { type: 'submit', class: 'send', testid: 'send' }, t('request.send'));
  const form = h('form', { class: 'form', novalidate: true },
    h('h2', {}, t('request.kindLabel')), kind.el,
    h('h2', {}, t('request.gridLabel')), grid.el,
    ...field('request.buildingLabel', building),
    ...field('request.whatLabel', what, count),
    h('label', { for: 'photo' }, t('request.photoLabel')), photo.el,
    ...field('request.nameLabel', name),
    ...field('request.phoneLabel', phone),
    h('p', { class: 'hint' }, t('request.privacy')),
    send);

  function collect() {
    if (!kind.value()) return t('request.pickKind');
    if (!grid.value()) return t('request.pickGrid');
    if (!what.value.trim()) return t('request.needWhat');
    if (photo.busy()) return t('request.photoWait');
    const digits = phone.value.trim();
    if (digits && !PHONE.test(digits)) return t('request.phoneInvalid');
    const body = { token, kind: kind.value(), what: what.value.trim().slice(0, MAX_WHAT), gridId: grid.value().id };
    if (building.value.trim()) body.building = building.value.trim();
    if (name.value.trim()) body.name = name.value.trim();
    if (digits) body.phone = digits;
    if (photo.photoId()) body.photoId = photo.photoId();
    return body;
  }

  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    const body = collect();
    if (typeof body === 'string') {
      showError(body);
      return;
    }
    sending = true;
    send.disabled = true;
    send.textContent = t('request.sending');
    try {
      const filed = await api('/api/requests', { method: 'POST', body });
      showError('');
      replace(app, h('main', { class: 'phone' }, thanksView(filed)));
      window.scrollTo(0, 0);
    } catch (err) {
      showError(errorMessage(t, err));
    } finally {
      sending = false;
      send.disabled = false;
      send.textContent = t('request.send');
    }
  });
  return form;
}

function thanksView(filed) {
  // The status page on this same address: the link works whatever name the server gives itself.
  const href = `/r/${encodeURIComponent(filed.statusToken)}`;
  return h('div', { class: 'thanks', testid: 'thanks', role: 'status' },
    h('div', { class: 'thanks-title' }, t('request.thanks')),
    h('p', {}, t('request.numberLabel')),
    h('div', { class: 'big-number', testid: 'request-number' }, filed.number),
    h('p', {}, t('request.thanksBody')),
    h('a', { class: 'send link-send', href, testid: 'status-link' }, t('request.follow')));
}

async function load() {
  replace(app, h('main', { class: 'phone' }, h('p', { class: 'loading' }, t('request.loading')), error));
  showError('');
  try {
    const form = await api(`/api/requests/form/${encodeURIComponent(token)}`);
    const gridName = (form.grids.find((g) => g.id === form.gridId) || {}).name;
    replace(app, h('main', { class: 'phone' },
      h('header', { class: 'join-head' },
        gridName ? h('div', { class: 'board', testid: 'board' }, gridName) : null,
        h('h1', { class: 'title' }, t('request.newTitle')),
        h('p', { class: 'lead' }, t('request.newLead'))),
      error, formView(form)));
  } catch (err) {
    showLoadFailure({ app, error, showError, t, err, final: FINAL, retry: load });
  }
}

if (!token) {
  replace(app, h('main', { class: 'phone' }, error));
  showError(t('error.TOKEN_INVALID'));
} else {
  load();
}
