// Voting for one attendee: three big choices, a confirmation step, then the server's word that
// the ballot counted. Whether the attendee may vote is the server's decision, not ours.

import { h, renderKeyed } from '../common/dom.js';
import { openVote, voteOf, hasVoted } from '../common/snapshot.js';

const CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'];
const counted = new Set(); // `${voteId}/${attendeeId}` the server confirmed on this page

/** Whether the open vote counts this attendee's ballot, as the vote itself says (walk-ins or not). */
export function mayVote(vote, attendee) {
  return !!vote && !!attendee && (!attendee.walkIn || !!vote.walkInsVote);
}

/**
 * The attendees (of those given) whose ballot on the open vote is still to come: the kiosk shows
 * the ballot before anything else until this is empty.
 */
export function ballotsDue(snap, attendees) {
  const vote = openVote(snap);
  if (!vote) return [];
  return attendees.filter((a) => mayVote(vote, a) && !counted.has(`${vote.id}/${a.id}`) && !hasVoted(snap, vote.id, a.id));
}

/** onCounted(attendeeId): the server counted a ballot cast here. */
export function createVotePanel({ t, act, onCounted = () => {} }) {
  const el = h('section', { class: 'vote-panel', hidden: true });
  let chosen = null; // {key, choice}
  let last = { snap: null, attendeeId: null, attendee: null };

  function phase(vote, attendeeId, key) {
    if (counted.has(key)) return 'counted';
    if (last.attendee && !mayVote(vote, last.attendee)) return 'notEntitled';
    if (hasVoted(last.snap, vote.id, attendeeId)) return 'voted';
    if (chosen && chosen.key === key) return 'confirm';
    return 'choose';
  }

  async function confirm(vote, attendeeId, key, choice) {
    const reply = await act('castBallot', { attendeeId, voteId: vote.id, choice });
    if (reply && reply.counted) {
      counted.add(key);
      onCounted(attendeeId);
    }
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
    if (p === 'notEntitled') return [...header, h('div', { class: 'status-text', testid: 'not-entitled' }, t('error.NOT_ENTITLED'))];
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
    update(snap, attendeeId, attendee = null) {
      if (attendeeId !== last.attendeeId) chosen = null;
      last = { snap, attendeeId, attendee };
      render();
    },
    /** A choice waiting for 确认. */
    choosing: () => !!chosen,
    /** Drops an unconfirmed choice (the kiosk was left idle). */
    reset() {
      chosen = null;
      render();
    },
    /** True once the server has confirmed this attendee's ballot on the open vote. */
    isCounted(snap, attendeeId) {
      const vote = openVote(snap);
      return !!vote && counted.has(`${vote.id}/${attendeeId}`);
    },
  };
}
