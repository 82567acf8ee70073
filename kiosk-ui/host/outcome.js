// Words for a vote outcome as the server decided it (passed, reason, figures).

export function outcomeText(t, outcome) {
  if (!outcome) return '';
  const verdict = outcome.passed ? t('vote.passed') : t('vote.notPassed');
  return `${verdict}（${t(`vote.reason.${outcome.reason}`)}）`;
}

export function outcomeFigures(t, outcome) {
  const n = (x) => (x == null ? '–' : x);
  return t('vote.figures', {
    FOR: n(outcome.FOR), AGAINST: n(outcome.AGAINST), ABSTAIN: n(outcome.ABSTAIN),
    cast: n(outcome.cast), base: n(outcome.base), entitled: n(outcome.entitled),
  });
}
