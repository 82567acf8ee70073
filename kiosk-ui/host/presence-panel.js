// Who is here: counts, the meeting's quorum (as the server counts it) and the checked-in attendees
// by kind. Before the meeting opens, the host may set the quorum; once it opens it is fixed.

import { h, renderKeyed } from '../common/dom.js';
import { attendeesOf, meetingOf } from '../common/snapshot.js';
import { groupByKind } from '../common/kinds.js';

export function createPresencePanel({ t, act }) {
  const body = h('div', { class: 'panel-body', testid: 'presence' });
  const el = h('section', { class: 'panel presence' }, h('h2', {}, t('presence.title')), body);

  function quorumForm(rule) {
    const count = h('input', { id: 'quorum-count', testid: 'quorum-count', type: 'number', min: 1, step: 1, inputMode: 'numeric',
      value: rule && rule.count != null ? String(rule.count) : '' });
    const walkIns = h('input', { type: 'checkbox', id: 'quorum-walkins', testid: 'quorum-walkins', checked: !!(rule && rule.walkInsCount) });
    async function save(event) {
      event.preventDefault();
      const params = { walkInsCount: walkIns.checked };
      if (count.value !== '') params.count = Number(count.value);
      else if (rule && rule.fraction != null) params.fraction = rule.fraction; // set as a share of those invited
      await act('setQuorum', params);
    }
    return h('form', { class: 'quorum-form', onsubmit: save },
      h('label', { htmlFor: 'quorum-count' }, t('presence.quorumSet')), count,
      h('label', { class: 'check', htmlFor: 'quorum-walkins' }, walkIns, ' ', t('presence.quorumWalkIns')),
      h('button', { type: 'submit', class: 'btn btn-small', testid: 'quorum-save' }, t('presence.quorumSave')));
  }

  function build(p, present, scheduled) {
    if (!p) return [];
    return [
      h('p', { class: 'presence-summary', testid: 'presence-summary' }, t('presence.summary', p)),
      h('p', { class: p.quorumMet ? 'ok' : 'warn', testid: 'presence-quorum', dataset: { met: String(!!p.quorumMet) } },
        p.quorum > 0
          ? t('presence.quorum', { quorum: p.quorum, present: p.quorumPresent ?? '–', met: t(p.quorumMet ? 'presence.met' : 'presence.notMet') })
          : t('presence.noQuorum')),
      scheduled ? quorumForm(p.quorumRule) : null,
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
      const m = meetingOf(snap);
      const scheduled = !!m && m.status === 'SCHEDULED';
      const present = attendeesOf(snap).filter((a) => a.checkedIn);
      renderKeyed(body, JSON.stringify([p, scheduled, present.map((a) => [a.id, a.name, a.kind, a.walkIn])]), () => build(p, present, scheduled));
    },
  };
}
