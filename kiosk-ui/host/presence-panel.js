// Who is here: counts, quorum (as the server reports it) and the checked-in attendees by kind.

import { h, renderKeyed } from '../common/dom.js';
import { attendeesOf } from '../common/snapshot.js';
import { groupByKind } from '../common/kinds.js';

export function createPresencePanel({ t }) {
  const body = h('div', { class: 'panel-body', testid: 'presence' });
  const el = h('section', { class: 'panel presence' }, h('h2', {}, t('presence.title')), body);

  function build(p, present) {
    if (!p) return [];
    return [
      h('p', { class: 'presence-summary', testid: 'presence-summary' }, t('presence.summary', p)),
      h('p', { class: p.quorumMet ? 'ok' : 'warn', testid: 'presence-quorum' },
        t('presence.quorum', { quorum: p.quorum == null ? '–' : p.quorum, met: t(p.quorumMet ? 'presence.met' : 'presence.notMet') })),
      h('ul', { class: 'by-kind' }, groupByKind(present).map(([kind, people]) => h('li', {},
        h('strong', {}, t('presence.byKind', { kind: t(`kind.${kind}`), n: (p.byKind && p.byKind[kind]) ?? people.length })),
        ' ',
        people.map((a) => a.name + (a.walkIn ? t('presence.walkIn') : '')).join('、')))),
    ];
  }

  return {
    el,
    update(snap) {
      const p = snap && snap.presence;
      const present = attendeesOf(snap).filter((a) => a.checkedIn);
      renderKeyed(body, JSON.stringify([p, present.map((a) => [a.id, a.name, a.kind, a.walkIn])]), () => build(p, present));
    },
  };
}
