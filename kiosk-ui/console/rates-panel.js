// 统计: for the requests filed in one month, per grid and in total, how many were filed and the
// response, resolution and satisfaction rates (— when there is nothing to divide by).

import { h, replace } from '../common/dom.js';
import { serverNow } from '../common/clock.js';
import { formatRate } from './format.js';

const pad = (n) => String(n).padStart(2, '0');
const COLUMNS = ['grid', 'filed', 'responseRate', 'resolutionRate', 'satisfactionRate'];

export function createRatesPanel({ t, query, showError }) {
  const now = new Date(serverNow());
  const month = h('input', { type: 'month', id: 'rates-month', testid: 'rates-month', value: `${now.getFullYear()}-${pad(now.getMonth() + 1)}`,
    onchange: () => load().catch(showError) });
  const body = h('tbody', {});
  const el = h('section', { class: 'panel rates' },
    h('h2', {}, t('rates.title')),
    h('div', { class: 'field month-field' }, h('label', { htmlFor: 'rates-month' }, t('rates.month')), month),
    h('table', { class: 'table', testid: 'rates-table' },
      h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col' }, t(`rates.col.${c}`))))),
      body),
    h('p', { class: 'hint' }, t('rates.hint')));
  let asked = 0;

  function row(rates, testid, total) {
    return h('tr', { testid, class: total ? 'total' : null },
      h('td', { class: 'strong' }, total ? t('rates.total') : rates.grid),
      h('td', {}, String(rates.filed)),
      ['responseRate', 'resolutionRate', 'satisfactionRate'].map((k) => h('td', { testid: `${testid}-${k}` }, formatRate(rates[k]) || '—')));
  }

  async function load() {
    if (!month.value) return;
    const n = ++asked;
    const reply = await query('requestRates', { month: month.value });
    if (n !== asked) return;
    const grids = (reply && reply.grids) || [];
    replace(body, grids.map((g) => row(g, `rates-row-${g.grid}`, false)), reply && reply.total ? row(reply.total, 'rates-row-total', true) : null);
  }

  return { el, refresh: load };
}
