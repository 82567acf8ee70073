// The 成效评估 tab: a period (this quarter, last quarter, this year or chosen dates) and a grid go to
// evaluation.cmd evaluatePeriod; the answer shows as big totals with the rule of each, charts per
// quarter, per grid and per meeting each with the same figures as a table, and one meeting's every
// figure when its row is chosen. The server computes every figure; this page only lays them out.

import { h, replace } from '../common/dom.js';
import { DAY_MS, formatDateTime, formatRate } from './format.js';
import { createEvaluationChart } from './evaluation-chart.js';
import { createEvaluationDetail } from './evaluation-detail.js';

export const EVALUATION_ADDRESS = 'evaluation.cmd';
const PERIODS = ['thisQuarter', 'lastQuarter', 'thisYear', 'custom'];
const TOTALS = [['meetings'], ['attendanceRate', true], ['punctualRate', true], ['speakersShare', true], ['speeches'],
  ['resolved'], ['solvedRate', true], ['satisfactionRate', true], ['ratings']];
const RETRY_MS = 1000;

/** "2025-11-28" (local) → ms at that day's start, or null. */
function dayStart(value) {
  if (!value) return null;
  const [y, m, d] = value.split('-').map(Number);
  const ms = new Date(y, m - 1, d).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** [from, to) of a named period around now, in this PC's time zone. */
export function periodRange(name, now = new Date()) {
  const y = now.getFullYear();
  const q = Math.floor(now.getMonth() / 3);
  if (name === 'thisYear') return [new Date(y, 0, 1).getTime(), new Date(y + 1, 0, 1).getTime()];
  const first = name === 'lastQuarter' ? q - 1 : q;
  return [new Date(y, first * 3, 1).getTime(), new Date(y, first * 3 + 3, 1).getTime()];
}

/** send(address, action, params): a command on a console address (→ reply; rejects). */
export function createEvaluationTab({ t, send, showError }) {
  document.head.append(h('link', { rel: 'stylesheet', href: '/console/evaluation.css' }));
  const period = h('select', { testid: 'evaluation-period', onchange: () => chosePeriod() },
    PERIODS.map((p) => h('option', { value: p }, t(`evaluation.period.${p}`))));
  const from = h('input', { type: 'date', testid: 'evaluation-from' });
  const to = h('input', { type: 'date', testid: 'evaluation-to' });
  const customDates = h('span', { class: 'row', hidden: true },
    h('label', { class: 'field' }, t('evaluation.from'), from), h('label', { class: 'field' }, t('evaluation.to'), to));
  const grid = h('select', { testid: 'evaluation-grid' }, h('option', { value: '' }, t('evaluation.allGrids')));
  const form = h('form', { class: 'row filters', onsubmit: (e) => { e.preventDefault(); refresh(); } },
    h('label', { class: 'field' }, t('evaluation.period'), period), customDates,
    h('label', { class: 'field' }, t('evaluation.grid'), grid),
    h('button', { type: 'submit', class: 'btn btn-primary', testid: 'evaluation-show' }, t('evaluation.show')));
  const summary = h('p', { class: 'muted', testid: 'evaluation-summary', 'aria-live': 'polite' });
  const totals = h('ul', { class: 'evaluation-totals', testid: 'evaluation-totals' });
  const rate = (field, label) => ({ field, label: t(`evaluation.col.${label || field}`), percent: true });
  const count = (field) => ({ field, label: t(`evaluation.col.${field}`) });
  const charts = {
    quarter: createEvaluationChart({ t, name: 'quarter', kind: 'line', title: t('evaluation.chart.quarter'), key: t('evaluation.col.quarter'),
      columns: [{ ...count('meetings'), plotted: false }, rate('attendanceRate'), rate('satisfactionRate')] }),
    grid: createEvaluationChart({ t, name: 'grid', kind: 'bar', title: t('evaluation.chart.grid'), key: t('evaluation.col.grid'),
      columns: [{ ...count('meetings'), plotted: false }, rate('attendanceRate'), rate('satisfactionRate')] }),
    meeting: createEvaluationChart({ t, name: 'meeting', kind: 'bar', title: t('evaluation.chart.meeting'), key: t('evaluation.col.meeting'),
      columns: [count('speeches'), count('speakers')] }),
  };
  const meetingRows = h('tbody', {});
  const detail = createEvaluationDetail({ t });
  const el = h('section', { class: 'evaluation-tab', role: 'tabpanel', testid: 'evaluation-tab' },
    h('section', { class: 'panel' }, h('h2', {}, t('evaluation.title')), h('p', { class: 'hint' }, t('evaluation.hint')), form, summary),
    h('section', { class: 'panel' }, h('h2', {}, t('evaluation.totals')), totals),
    h('div', { class: 'evaluation-charts' }, charts.quarter.el, charts.grid.el),
    charts.meeting.el,
    h('section', { class: 'panel' }, h('h2', {}, t('evaluation.meetings')), h('p', { class: 'hint' }, t('evaluation.meetings.hint')),
      h('table', { class: 'table', testid: 'evaluation-meetings' },
        h('thead', {}, h('tr', {}, ['meeting', 'when', 'attendanceRate', 'speeches', 'speakers', 'satisfactionRate']
          .map((c) => h('th', { scope: 'col' }, t(`evaluation.col.${c}`))))),
        meetingRows)),
    detail.el);
  let grids = [];
  let asked = 0;
  let looked = false;

  /** 自定义 starts from this quarter's dates, to be changed. */
  function chosePeriod() {
    customDates.hidden = period.value !== 'custom';
    if (period.value !== 'custom' || from.value || to.value) return;
    const [start, end] = periodRange('thisQuarter');
    from.value = formatDateTime(start).slice(0, 10);
    to.value = formatDateTime(end - DAY_MS).slice(0, 10);
  }

  const gridName = (id) => (grids.find((g) => g.id === id) || {}).name || id;

  function range() {
    if (period.value !== 'custom') return periodRange(period.value);
    const start = dayStart(from.value);
    const end = dayStart(to.value);
    return start == null || end == null || end < start ? null : [start, end + DAY_MS];
  }

  function showTotals(total) {
    replace(totals, TOTALS.map(([field, percent]) => h('li', { class: 'evaluation-total', testid: `evaluation-total-${field}` },
      h('span', { class: 'evaluation-number', testid: `evaluation-total-${field}-value` },
        percent ? formatRate(total[field]) ?? '' : String(total[field] ?? 0)),
      h('span', { class: 'strong' }, t(`evaluation.total.${field}`)),
      h('small', { class: 'muted', title: t(`evaluation.total.${field}.rule`) }, t(`evaluation.total.${field}.rule`)))));
  }

  function meetingRow(m) {
    const open = () => detail.show(m, (m.gridIds || []).map(gridName).join('、'));
    return h('tr', { testid: `evaluation-row-${m.meetingId}` },
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'line-button', testid: `evaluation-open-${m.meetingId}`, onclick: open }, m.title || '')),
      h('td', { class: 'nowrap' }, formatDateTime(m.startsAt)),
      h('td', {}, formatRate(m.attendance.rate) ?? ''), h('td', {}, String(m.activity.speeches)),
      h('td', {}, String(m.activity.speakers)), h('td', {}, formatRate(m.satisfaction.rate) ?? ''));
  }

  function render(reply, [start, end]) {
    const meetings = reply.meetings || [];
    summary.textContent = [t('evaluation.rangeLine', { from: formatDateTime(start).slice(0, 10), to: formatDateTime(end - 1).slice(0, 10), n: meetings.length }),
      meetings.length ? null : t('evaluation.empty'), reply.truncated ? t('evaluation.truncated', { n: meetings.length }) : null].filter(Boolean).join(' ');
    showTotals(reply.total || {});
    charts.quarter.show((reply.byQuarter || []).map((q) => ({ ...q, label: q.key }))).catch(showError);
    charts.grid.show((reply.byGrid || []).map((g) => ({ ...g, label: gridName(g.key) }))).catch(showError);
    charts.meeting.show(meetings.map((m) => ({ key: m.meetingId, label: m.title || '', speeches: m.activity.speeches, speakers: m.activity.speakers })))
      .catch(showError);
    replace(meetingRows, meetings.map(meetingRow));
    detail.el.hidden = true;
  }

  /** Asks for the chosen period; false when not connected yet (ask again later). */
  async function refresh() {
    const chosen = range();
    if (!chosen) {
      showError({ message: t('evaluation.badRange') });
      return true;
    }
    const n = ++asked;
    summary.textContent = t('evaluation.loading');
    const params = { from: chosen[0], to: chosen[1] };
    if (grid.value) params.gridId = grid.value;
    let reply;
    try {
      reply = await send(EVALUATION_ADDRESS, 'evaluatePeriod', params);
    } catch (err) {
      if (err.code === 'OFFLINE') return false;
      showError(err);
      return true;
    }
    if (n === asked) render(reply, chosen);
    return true;
  }

  /** The grids for the filter come from request.cmd's form, which every console account may read. */
  function loadGrids() {
    return send('request.cmd', 'requestForm', {}).then((answer) => {
      grids = answer.grids || [];
      replace(grid, h('option', { value: '' }, t('evaluation.allGrids')), grids.map((g) => h('option', { value: g.id }, g.name)));
    }).catch(() => {});
  }

  function firstLook() {
    Object.values(charts).forEach((c) => c.resize().catch(showError));
    if (looked) return;
    looked = true;
    loadGrids().then(refresh).then((answered) => {
      if (answered) return;
      looked = false;
      setTimeout(() => { if (!el.hidden) firstLook(); }, RETRY_MS);
    });
  }

  // the console shows and hides tabs by their hidden attribute: the tab looks when it is first shown
  el.hidden = true;
  new MutationObserver(() => { if (!el.hidden) firstLook(); }).observe(el, { attributes: true, attributeFilter: ['hidden'] });
  window.addEventListener('resize', () => { if (!el.hidden) Object.values(charts).forEach((c) => c.resize().catch(() => {})); });
  return { el };
}
