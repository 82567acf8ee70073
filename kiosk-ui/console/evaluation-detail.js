// One meeting's evaluation in full: every figure evaluation.cmd computed, grouped as 人数 / 活跃度 /
// 规范性 / 成果 / 跟踪落实 / 满意度, as name–value pairs.

import { h, replace } from '../common/dom.js';
import { formatDateTime, formatRate } from './format.js';

/** The groups, each the part of the evaluation it shows and its fields; a field ending in a mark is formatted so. */
export const GROUPS = [
  ['people', 'attendance', ['invited', 'present', 'walkIns', 'rate%', 'punctual', 'punctualRate%']],
  ['activity', 'activity', ['speeches', 'speakers', 'speakersShare%', 'speechesPerPresent', 'speakingSeconds"',
    'mattersWithSpeeches', 'largestShare%', 'gini']],
  ['rules', 'rules', ['overruns', 'overrunSeconds"', 'refusals', 'votes', 'votesBelowQuorum']],
  ['results', 'results', ['matters', 'resolved', 'passed', 'responsibleSet', 'minutesApproved?', 'feasibilityRated', 'feasible']],
  ['followUp', 'followUp', ['tracked', 'solved', 'solvedOnTime', 'pastDue', 'solvedRate%']],
  ['satisfaction', 'satisfaction', ['ratings', 'satisfied', 'basic', 'unsatisfied', 'rate%']],
];

/** A figure as shown: "30%", "120 秒", "是", "2". */
export function figureText(t, spec, value) {
  const mark = spec.slice(-1);
  if (mark === '%') return formatRate(value) ?? '';
  if (mark === '"') return t('evaluation.seconds', { n: value ?? 0 });
  if (mark === '?') return t(value ? 'evaluation.yes' : 'evaluation.no');
  return String(value ?? '');
}

export const fieldOf = (spec) => spec.replace(/[%"?]$/, '');

export function createEvaluationDetail({ t }) {
  const heading = h('h2', { testid: 'evaluation-detail-title', tabIndex: -1 });
  const meta = h('p', { class: 'muted' });
  const groups = h('div', { class: 'evaluation-groups' });
  const el = h('section', { class: 'panel', testid: 'evaluation-detail', hidden: true },
    h('div', { class: 'panel-head' }, heading, h('span', { class: 'spacer' }),
      h('button', { type: 'button', class: 'btn btn-small', testid: 'evaluation-detail-close', onclick: () => { el.hidden = true; } },
        t('evaluation.detail.close'))),
    meta, groups);

  function label(group, spec) {
    const field = fieldOf(spec);
    // the satisfaction's and attendance's "rate" read better with their own names
    if (field === 'rate') return t(group === 'satisfaction' ? 'evaluation.f.satisfactionRate' : 'evaluation.f.rate');
    return t(`evaluation.f.${field}`);
  }

  function show(evaluation, gridNames) {
    heading.textContent = t('evaluation.detail.title', { title: evaluation.title || '' });
    meta.textContent = [formatDateTime(evaluation.startsAt), gridNames].filter(Boolean).join(' · ');
    replace(groups, GROUPS.map(([group, part, specs]) => h('section', { class: 'evaluation-group', testid: `evaluation-group-${group}` },
      h('h3', {}, t(`evaluation.group.${group}`)),
      h('dl', { class: 'evaluation-pairs' }, specs.map((spec) => [
        h('dt', {}, label(group, spec)),
        h('dd', { testid: `evaluation-f-${group}-${fieldOf(spec)}` }, figureText(t, spec, (evaluation[part] || {})[fieldOf(spec)])),
      ])))));
    el.hidden = false;
    heading.focus();
  }

  return { el, show };
}
