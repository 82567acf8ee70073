// The vote as the room should see it: ballots cast out of those entitled while open, with live
// counts as bars for a named vote when the host allows, then the outcome the server computed once
// the host has announced it.

import { h, renderKeyed } from '/common/dom.js';
import { voteOf, tallyOf } from '/common/snapshot.js';

const CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'];
// The host announces the result (主持人宣布表决结果); the display does not pre-empt that.
const REVEAL_ON_ANNOUNCE = true;

function bars(t, counts, cast) {
  const total = Math.max(1, cast || CHOICES.reduce((s, c) => s + (counts[c] || 0), 0));
  return h('div', { class: 'bars' }, CHOICES.map((c) => {
    const n = counts[c] || 0;
    const fill = h('div', { class: `bar-fill fill-${c}` });
    fill.style.width = `${Math.round((n / total) * 100)}%`;
    return h('div', { class: 'bar-row' },
      h('span', { class: 'bar-label' }, t(`vote.${c}`)),
      h('div', { class: 'bar-track' }, fill),
      h('span', { class: 'bar-count', testid: `tally-${c}` }, String(n)));
  }));
}

/** The announced counts on one line, so the verdict and its reason have the room. */
function countsLine(t, o) {
  return h('div', { class: 'counts' }, castLine(t, o.cast),
    CHOICES.map((c) => h('span', { class: `count-chip chip-${c}` }, t(`vote.${c}`), ' ',
      h('b', { testid: `tally-${c}` }, String(o[c] || 0)))));
}

function castLine(t, n, entitled) {
  const text = entitled == null ? t('vote.cast', { n }) : t('vote.castOf', { n, of: entitled });
  return h('div', { class: 'cast', testid: 'tally-cast', dataset: { count: String(n) } }, text);
}

/** 未达法定人数: a result held below the meeting's quorum says so, with the host's reason. */
function belowQuorum(t, o) {
  if (!o.belowQuorum || !o.quorumOverride) return null;
  const q = o.quorumOverride;
  return h('div', { class: 'below-quorum', testid: 'outcome-below-quorum' },
    h('span', { class: 'below-quorum-mark' }, t('vote.belowQuorum', { present: q.present, required: q.required })),
    h('span', { class: 'below-quorum-reason' }, t('vote.belowQuorumReason', { reason: q.reason })));
}

function build(t, vote, tally) {
  const parts = [h('div', { class: 'label' }, t('vote.label')), h('div', { class: 'motion', testid: 'motion' }, vote.motion)];
  const cast = tally ? tally.cast : 0;
  if (vote.status === 'OPEN') {
    parts.push(h('div', { class: 'vote-state' }, t('vote.open')), castLine(t, cast, tally ? tally.entitled : null));
    parts.push(tally && tally.counts ? bars(t, tally.counts, cast) : h('div', { class: 'muted' }, t('vote.hidden')));
    return parts;
  }
  const o = vote.outcome;
  if (o && (vote.announced || !REVEAL_ON_ANNOUNCE)) {
    parts.push(countsLine(t, o),
      h('div', { class: o.passed ? 'outcome passed' : 'outcome failed', testid: 'outcome', dataset: { passed: String(o.passed), reason: o.reason } },
        h('span', { class: 'verdict', testid: 'verdict' }, o.passed ? t('vote.passed') : t('vote.notPassed')),
        h('span', { class: 'reason', testid: 'verdict-reason' }, t(`vote.reason.${o.reason}`))),
      belowQuorum(t, o));
    return parts;
  }
  parts.push(h('div', { class: 'vote-state' }, t('vote.closed')), castLine(t, o ? o.cast : cast));
  if (vote.liveTally && tally && tally.counts) parts.push(bars(t, tally.counts, cast));
  return parts;
}

/** update(snap) answers whether the block's content changed (the caller fits its type again). */
export function createTally(t) {
  const el = h('section', { class: 'tally-block fit-box', testid: 'tally', hidden: true });
  return {
    el,
    update(snap) {
      const vote = voteOf(snap);
      const tally = vote ? tallyOf(snap, vote.id) : null;
      const wasHidden = el.hidden;
      el.hidden = !vote;
      const changed = renderKeyed(el, JSON.stringify([vote, tally && [tally.cast, tally.entitled, tally.counts]]), () => (vote ? build(t, vote, tally) : []));
      return changed || wasHidden !== el.hidden;
    },
  };
}
