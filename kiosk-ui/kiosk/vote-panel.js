// Voting for one attendee: three big choices, a confirmation step, then the server's word that
// the ballot counted. Whether the attendee may vote is the server's decision, not ours.

import { h, renderKeyed } from '../common/dom.js';
import { openVote, voteOf, hasVoted } from '../common/snapshot.js';

const CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'];
const counted = new Set(); // `${voteId}/${attendeeId}` the server confirmed on this page

export function createVotePanel({ t, act }) {
  const el = h('section', { class: 'vote-panel', hidden: true });
  let chosen = null; // {key, choice}
  let last = { snap: null, attendeeId: null };

  function phase(vote, attendeeId, key) {
    if (counted.has(key)) return 'counted';
    if (hasVoted(last.snap, vote.id, attendeeId)) return 'voted';
    if (chosen && chosen.key === key) return 'confirm';
    return 'choose';
  }

  async function confirm(vote, attendeeId, key, choice) {
    const reply = await act('castBallot', { attendeeId, voteId: vote.id, choice });
    if (reply && reply.counted) counted.add(key);
    chosen = null;
    render();
  }

  function build(vote, attendeeId, key, p) {
    const header = [
      h('h2', { class: 'vote-motion' }, t('vote.title', { motion: vote.motion })),
      h('div', { class: 'vote-kind' }, t(vote.secret ? 'vote.secret' : 'vote.named')),
    ];
    if (p === 'counted') return [...header, h('div', { class: 'vote-done', testid: 'ballot-counted' }, t('vote.counted'))];
    if (p === 'voted') return [...header, h('div', { class: 'vote-done', testid: 'already-voted' }, t('vote.alreadyVoted'))];
    if (p === 'confirm') {
      const label = t(`vote.${chosen.choice}`);
      return [
        ...header,
        h('p', { class: 'vote-question', testid: 'vote-question' }, t('vote.confirmQuestion', { choice: label })),
        h('div', { class: 'row' },
          h('button', { class: 'btn btn-primary', testid: 'vote-confirm', onclick: () => confirm(vote, attendeeId, key, chosen.choice) }, t('vote.confirm')),
          h('button', { class: 'btn btn-secondary', testid: 'vote-back', onclick: () => { chosen = null; render(); } }, t('vote.back'))),
      ];
    }
    return [
      ...header,
      h('div', { class: 'row choices' }, CHOICES.map((c) => h('button', {
        class: `btn btn-choice choice-${c}`,
        testid: `vote-${c}`,
        onclick: () => { chosen = { key, choice: c }; render(); },
      }, t(`vote.${c}`)))),
    ];
  }

  // After the host announces the result, everyone at a kiosk sees it too.
  function buildResult(vote) {
    const o = vote.outcome;
    return [
      h('h2', { class: 'vote-motion' }, t('vote.title', { motion: vote.motion })),
      h('div', { class: o.passed ? 'vote-result passed' : 'vote-result failed', testid: 'vote-result' },
        t('vote.result', { verdict: t(o.passed ? 'vote.passed' : 'vote.notPassed') })),
      h('div', { class: 'vote-figures' }, t('vote.figures', { FOR: o.FOR, AGAINST: o.AGAINST, ABSTAIN: o.ABSTAIN })),
    ];
  }

  function render() {
    const vote = openVote(last.snap);
    const attendeeId = last.attendeeId;
    const closed = voteOf(last.snap);
    if (!vote && closed && closed.announced && closed.outcome) {
      el.hidden = false;
      renderKeyed(el, JSON.stringify(['result', closed.id, closed.motion, closed.outcome]), () => buildResult(closed));
      return;
    }
    el.hidden = !vote || !attendeeId;
    if (el.hidden) {
      renderKeyed(el, '', () => []);
      return;
    }
    const key = `${vote.id}/${attendeeId}`;
    const p = phase(vote, attendeeId, key);
    const sig = JSON.stringify([key, vote.motion, vote.secret, p, p === 'confirm' ? chosen.choice : null]);
    renderKeyed(el, sig, () => build(vote, attendeeId, key, p));
  }

  return {
    el,
    /** Shows the open vote of snap for attendeeId (hidden when no vote is open). */
    update(snap, attendeeId) {
      if (attendeeId !== last.attendeeId) chosen = null;
      last = { snap, attendeeId };
      render();
    },
    /** True once the server has confirmed this attendee's ballot on the open vote. */
    isCounted(snap, attendeeId) {
      const vote = openVote(snap);
      return !!vote && counted.has(`${vote.id}/${attendeeId}`);
    },
  };
}
