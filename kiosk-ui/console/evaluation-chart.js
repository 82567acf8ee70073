// One chart of the 成效评估 tab and the same figures as a table under it. ECharts (a WebJar, loaded
// the first time a chart is drawn: a megabyte the other tabs do not need) draws on a canvas; the
// chart's aria-label and the table carry the figures for readers who cannot see it. Tooltips are
// drawn on the canvas too (richText): HTML tooltips would need inline styles the page's CSP forbids.

import { h, replace } from '../common/dom.js';
import { formatRate } from './format.js';

const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
let echartsLoading = null;

function echarts() {
  if (!echartsLoading) echartsLoading = import(ECHARTS).catch((err) => { echartsLoading = null; throw err; });
  return echartsLoading;
}

const asText = (column, value) => (column.percent ? formatRate(value) ?? '' : String(value ?? ''));

/**
 * name: the testid part ("quarter"); title: the caption; kind: 'bar' or 'line'; key: the first
 * column's heading; columns: [{field, label, percent?, plotted?}]. show(rows) with rows
 * [{key, label, <field>: value}]; resize() after the chart was hidden or the window changed.
 */
export function createEvaluationChart({ t, name, title, kind, key, columns }) {
  const box = h('div', { class: 'evaluation-chart', role: 'img', testid: `evaluation-chart-${name}`, 'aria-label': title });
  const body = h('tbody', {});
  const table = h('table', { class: 'table', testid: `evaluation-table-${name}` },
    h('caption', { class: 'sub-label' }, t('evaluation.chart.table')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, key), columns.map((c) => h('th', { scope: 'col' }, c.label)))),
    body);
  const el = h('figure', { class: 'panel evaluation-figure' }, h('figcaption', {}, h('h3', {}, title)), box, table);
  let chart = null;
  let rows = [];
  let drawn = false;

  function show(next) {
    rows = next;
    replace(body, rows.map((r) => h('tr', { testid: `evaluation-${name}-${r.key}` },
      h('th', { scope: 'row' }, r.label), columns.map((c) => h('td', {}, asText(c, r[c.field]))))));
    box.setAttribute('aria-label', t('evaluation.chart.alt', { title, text: rows.map((r) => `${r.label} ${columns
      .filter((c) => c.plotted !== false).map((c) => `${c.label} ${asText(c, r[c.field])}`).join('，')}`).join('；') || t('evaluation.empty') }));
    drawn = false;
    return draw();
  }

  function option() {
    const plotted = columns.filter((c) => c.plotted !== false);
    const percent = plotted.every((c) => c.percent);
    return {
      animation: false,
      textStyle: { fontSize: 14 },
      aria: { enabled: false }, // the box's own aria-label describes the chart
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0, textStyle: { fontSize: 14 } },
      grid: { left: 48, right: 16, top: 40, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, overflow: 'truncate', width: 120 } },
      yAxis: { type: 'value', minInterval: 1, max: percent ? 100 : null, axisLabel: { formatter: percent ? '{value}%' : '{value}' } },
      series: plotted.map((c) => ({
        name: c.label, type: kind, barMaxWidth: 48, symbolSize: 10,
        data: rows.map((r) => (c.percent ? Math.round((r[c.field] || 0) * 1000) / 10 : r[c.field] || 0)),
        label: { show: rows.length <= 12, position: 'top', formatter: c.percent ? '{c}%' : '{c}' },
      })),
    };
  }

  /** Draws once the box has a size (a hidden tab has none). */
  async function draw() {
    if (drawn || box.offsetWidth === 0) return;
    drawn = true;
    const lib = await echarts();
    if (!chart) chart = lib.init(box, null, { renderer: 'canvas' });
    chart.setOption(option(), true);
  }

  function resize() {
    if (box.offsetWidth === 0) return Promise.resolve();
    if (chart && drawn) chart.resize();
    return draw();
  }

  return { el, show, resize };
}
