// Votes on the current matter: the form to open one, the running count, closing, the outcome the
// server computed, and announcing it. The form is built once so typing survives live updates.

import { h, renderKeyed } from '../common/dom.js';
import { voteOf, tallyOf } from '../common/snapshot.js';
import { outcomeText, outcomeFigures } from './outcome.js';

const BASES = ['FOR_AGAINST', 'CAST', 'PRESENT'];
const CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'];

function checkbox(testid, label, checked) {
  const input = h('input', { type: 'checkbox', id: testid, testid, checked });
  return { input, el: h('label', { class: 'check', htmlFor: testid }, input, ' ', label) };
}

export function createVotePanel({ t, act, showError }) {
  const motion = h('input', { id: 'vote-motion', testid: 'vote-motion', maxLength: 200, autocomplete: 'off' });
  const secret = checkbox('vote-secret', t('vote.secret'), false);
  const walkIns = checkbox('vote-walkins', t('vote.walkIns'), false);
  const live = checkbox('vote-live', t('vote.live'), true);
  const base = h('select', { id: 'vote-base', testid: 'vote-base' },
    BASES.map((b) => h('option', { value: b }, t(`vote.base.${b}`))));
  const quorum = h('input', { id: 'vote-quorum', testid: 'vote-quorum', type: 'number', min: 1, step: 1, inputMode: 'numeric' });
  const openButton = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'vote-open' }, t('vote.open'));

  const form = h('form', { class: 'vote-form', onsubmit: openVote },
    h('label', { htmlFor: 'vote-motion' }, t('vote.motion')), motion,
    secret.el, walkIns.el, live.el,
    h('label', { htmlFor: 'vote-base' }, t('vote.base')), base,
    h('label', { htmlFor: 'vote-quorum' }, t('vote.quorum')), quorum,
    openButton);
  const status = h('div', { class: 'vote-status' });
  const el = h('section', { class: 'panel vote' }, h('h2', {}, t('vote.title')), status, form);

  async function openVote(event) {
    event.preventDefault();
    const text = motion.value.trim();
    if (!text) {
      showError(t('error.BAD_REQUEST'));
      motion.focus();
      return;
    }
    const params = {
      motion: text, secret: secret.input.checked, walkInsVote: walkIns.input.checked,
      liveTally: live.input.checked, base: base.value,
    };
    if (quorum.value !== '') params.quorum = Number(quorum.value);
    openButton.disabled = true;
    const reply = await act('openVote', params);
    openButton.disabled = false;
    if (reply) {
      motion.value = '';
      quorum.value = '';
    }
  }

  function counts(tally) {
    if (!tally || !tally.counts) return null;
    return h('ul', { class: 'counts' }, CHOICES.map((c) => h('li', { testid: `vote-count-${c}` },
      t('vote.count', { label: t(`vote.${c}`), n: tally.counts[c] || 0 }))));
  }

  function buildOpen(vote, tally) {
    return [
      h('p', { class: 'vote-motion-text' }, t('vote.running', { motion: vote.motion })),
      h('p', { class: 'vote-cast', testid: 'vote-cast' }, t('vote.cast', { n: tally ? tally.cast : 0 })),
      counts(tally) || h('p', { class: 'muted' }, t('vote.hidden')),
      h('button', { class: 'btn btn-danger', testid: 'vote-close', onclick: () => act('closeVote') }, t('vote.close')),
    ];
  }

  function buildClosed(vote) {
    const o = vote.outcome;
    return [
      h('p', { class: 'vote-motion-text' }, t('vote.closed', { motion: vote.motion })),
      o ? h('p', { class: o.passed ? 'outcome ok' : 'outcome warn', testid: 'vote-outcome', dataset: { passed: String(o.passed), reason: o.reason } }, outcomeText(t, o)) : null,
      o ? h('p', { class: 'muted' }, outcomeFigures(t, o)) : null,
      vote.announced
        ? h('p', { class: 'ok', testid: 'announced' }, t('vote.announced'))
        : h('button', { class: 'btn btn-primary', testid: 'announce', onclick: () => act('announceResult') }, t('vote.announce')),
    ];
  }

  return {
    el,
    update(snap) {
      const vote = voteOf(snap);
      const tally = vote ? tallyOf(snap, vote.id) : null;
      const isOpen = !!vote && vote.status === 'OPEN';
      form.hidden = isOpen || !(snap && snap.meeting);
      const key = JSON.stringify([vote, tally && [tally.cast, tally.counts]]);
      renderKeyed(status, key, () => (!vote ? [] : isOpen ? buildOpen(vote, tally) : buildClosed(vote)));
    },
  };
}
