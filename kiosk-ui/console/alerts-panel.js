// 安全提醒: sign-ins locked after repeated failures (an account, an unknown user name, or a network
// address), newest first, until someone marks them seen. The server keeps them (GET /api/alerts);
// the console asks again every 10 s and shows the count of unseen ones on its tab.

import { h, renderKeyed } from '../common/dom.js';
import { listAlerts, markAlertSeen } from '../host/api.js';
import { formatDateTime } from './format.js';

const POLL_MS = 10000;

/** token(): the session token; onUnseen(n): the number not yet seen, after every refresh. */
export function createAlertsPanel({ t, token, onUnseen, showError }) {
  const body = h('tbody', {});
  const empty = h('p', { class: 'muted', testid: 'alerts-empty', hidden: true }, t('alerts.none'));
  const el = h('section', { class: 'panel alerts' },
    h('h2', {}, t('alerts.title')),
    h('p', { class: 'hint' }, t('alerts.hint')),
    h('table', { class: 'table', testid: 'alert-list' },
      h('thead', {}, h('tr', {}, ['what', 'who', 'address', 'until', 'at', 'seen'].map((c) => h('th', { scope: 'col' }, t(`alerts.col.${c}`))))),
      body),
    empty);

  function who(alert) {
    if (alert.kind === 'UNKNOWN_ACCOUNT_LOCKED') return t('alerts.unknownAccount');
    if (alert.kind === 'ADDRESS_LOCKED') return alert.account ? t('alerts.lastTried', { account: alert.account }) : '';
    return alert.name ? `${alert.name}（${alert.account}）` : alert.account;
  }

  function seenCell(alert) {
    if (alert.seenAt) {
      return h('span', { class: 'muted' }, t('alerts.seenBy', { name: (alert.seenBy && alert.seenBy.name) || '', at: formatDateTime(alert.seenAt) }));
    }
    return h('button', { type: 'button', class: 'btn btn-small', testid: `alert-seen-${alert.id}`, onclick: () => seen(alert.id) }, t('alerts.markSeen'));
  }

  function row(alert) {
    return h('tr', { class: alert.seenAt ? null : 'urgent', testid: 'alert-row' },
      h('td', { class: 'strong' }, t(`alerts.kind.${alert.kind}`), alert.locks > 1 ? h('span', { class: 'muted' }, ' ', t('alerts.times', { n: alert.locks })) : null),
      h('td', {}, who(alert)),
      h('td', { class: 'nowrap' }, alert.address || ''),
      h('td', { class: 'nowrap' }, formatDateTime(alert.lockedUntil)),
      h('td', { class: 'nowrap' }, formatDateTime(alert.lastAt)),
      h('td', {}, seenCell(alert)));
  }

  async function seen(id) {
    try {
      await markAlertSeen(token(), id);
      await refresh();
    } catch (err) {
      showError(err);
    }
  }

  async function refresh() {
    if (!token()) return;
    const reply = await listAlerts(token());
    const alerts = (reply && reply.alerts) || [];
    renderKeyed(body, JSON.stringify(alerts), () => alerts.map(row));
    empty.hidden = alerts.length > 0;
    onUnseen((reply && reply.unseen) || 0);
  }

  const poll = setInterval(() => refresh().catch(() => {}), POLL_MS);
  refresh().catch(() => {});

  return { el, refresh, stop: () => clearInterval(poll) };
}
