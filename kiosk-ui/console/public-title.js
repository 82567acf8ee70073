// A request's public title (公开标题): the only name boards, the topic list, the meeting's agenda,
// result notices, the status page and Open311 give it — never the words the resident wrote. Staff
// approve the default (kind, grid, building) or write their own; the server refuses a title with a
// phone or ID number in it. An open edit form survives the detail's 10 s refreshes.

import { h, renderKeyed } from '../common/dom.js';
import { formatDateTime } from './format.js';

const MAX_TITLE = 60;

/** onSaved(request) gets the request as the server saved it. */
export function createPublicTitle({ t, call, onSaved }) {
  const body = h('div', {});
  const el = h('section', { class: 'public-title-box', testid: 'request-public-title-box' },
    h('h3', {}, t('publicTitle.heading')),
    h('p', { class: 'hint' }, t('publicTitle.hint')),
    body);
  let request = null;
  let editing = false;

  function stateText(r) {
    const a = r.publicTitleApproved;
    if (!a) return t('publicTitle.notApproved');
    return t('publicTitle.approved', { name: (a.by && a.by.name) || '', at: formatDateTime(a.at) });
  }

  async function save(title) {
    const reply = await call('setPublicTitle', { id: request.id, title });
    if (!reply || !reply.request) return;
    editing = false;
    onSaved(reply.request);
  }

  function shown(r) {
    return [
      h('p', { class: 'public-title strong', testid: 'request-public-title' }, r.publicTitle || ''),
      h('p', { class: 'muted', testid: 'request-public-title-state' }, stateText(r)),
      h('div', { class: 'row' },
        r.publicTitleApproved ? null : h('button', {
          type: 'button', class: 'btn btn-small btn-primary', testid: 'public-title-approve', onclick: () => save(r.publicTitle),
        }, t('publicTitle.approve')),
        h('button', { type: 'button', class: 'btn btn-small', testid: 'public-title-edit', onclick: () => edit(true) },
          t('publicTitle.edit'))),
    ];
  }

  function form(r) {
    const input = h('input', {
      id: 'public-title-input', testid: 'public-title-input', type: 'text', required: true, maxLength: MAX_TITLE,
      autocomplete: 'off', value: r.publicTitle || '',
    });
    const submit = h('button', { type: 'submit', class: 'btn btn-small btn-primary', testid: 'public-title-save' }, t('publicTitle.save'));
    const send = async (event) => {
      event.preventDefault();
      submit.disabled = true;
      try {
        await save(input.value.trim());
      } finally {
        submit.disabled = false;
      }
    };
    return h('form', { class: 'form public-title-form', testid: 'public-title-form', onsubmit: send },
      h('label', { htmlFor: 'public-title-input' }, t('publicTitle.label')), input,
      h('div', { class: 'row' }, submit,
        h('button', { type: 'button', class: 'btn btn-small', testid: 'public-title-cancel', onclick: () => edit(false) },
          t('publicTitle.cancel'))));
  }

  function render() {
    const r = request;
    const key = editing ? JSON.stringify([r.id, 'editing']) : JSON.stringify([r.id, r.publicTitle, r.publicTitleApproved]);
    if (renderKeyed(body, key, () => (editing ? form(r) : shown(r))) && editing) {
      body.querySelector('input').focus();
    }
  }

  function edit(on) {
    editing = on;
    render();
  }

  return {
    el,
    show(r) {
      if (!request || request.id !== r.id) editing = false;
      request = r;
      render();
    },
  };
}
