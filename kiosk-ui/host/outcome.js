// Words for a vote outcome as the server decided it (passed, reason, figures, a vote held below the quorum).

export function outcomeText(t, outcome) {
  if (!outcome) return '';
  const verdict = outcome.passed ? t('vote.passed') : t('vote.notPassed');
  const held = outcome.belowQuorum ? t('vote.belowQuorumShort') : '';
  return `${verdict}（${t(`vote.reason.${outcome.reason}`)}）${held}`;
}

export function outcomeFigures(t, outcome) {
  const n = (x) => (x == null ? '–' : x);
  return t('vote.figures', {
    FOR: n(outcome.FOR), AGAINST: n(outcome.AGAINST), ABSTAIN: n(outcome.ABSTAIN),
    cast: n(outcome.cast), base: n(outcome.base), entitled: n(outcome.entitled),
  });
}

/** 未达法定人数: the attendance and the host's reason for holding the vote anyway. */
export function quorumNote(t, override) {
  if (!override) return '';
  return t('vote.belowQuorum', { present: override.present, required: override.required, by: override.by || '', reason: override.reason });
}
