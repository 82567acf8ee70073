// Walk-in: a resident who was not invited writes a name (the only typing on the kiosk) and taps
// who they are; the server registers and checks them in on this kiosk.

import { h } from '../common/dom.js';
import { KIND_ORDER } from '../common/kinds.js';

// Residents first: that is who walks in; the other kinds follow for uninvited representatives.
const WALK_IN_KINDS = ['RESIDENT', ...KIND_ORDER.filter((k) => k !== 'RESIDENT')];

export function createWalkInScreen({ t, act, showError, onDone, onBack }) {
  const name = h('input', {
    class: 'name-input', testid: 'walkin-name', id: 'walkin-name', type: 'text',
    maxLength: 20, autocomplete: 'off', enterKeyHint: 'done',
  });
  const kinds = WALK_IN_KINDS.map((kind) => h('button', {
    class: kind === 'RESIDENT' ? 'btn btn-primary btn-wide' : 'btn btn-name',
    testid: `walkin-kind-${kind}`,
    onclick: () => register(kind),
  }, t(`kind.${kind}`)));

  const el = h('main', { class: 'screen walkin' },
    h('h1', {}, t('walkIn.title')),
    h('label', { class: 'field-label', htmlFor: 'walkin-name' }, t('walkIn.nameLabel')),
    name,
    h('h2', { class: 'field-label' }, t('walkIn.kindLabel')),
    h('div', { class: 'name-grid' }, kinds),
    h('button', { class: 'btn btn-secondary', testid: 'walkin-back', onclick: onBack }, t('walkIn.back')));

  async function register(kind) {
    const value = name.value.trim();
    if (!value) {
      showError(t('walkIn.needName'));
      name.focus();
      return;
    }
    const reply = await act('registerWalkIn', { name: value, kind });
    if (reply) {
      name.value = '';
      onDone(reply.attendeeId);
    }
  }

  return { el, update() {} };
}
