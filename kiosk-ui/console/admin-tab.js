// 管理: accounts for administrators, the audit log for administrators and read-only viewers. The
// tab stays hidden for everyone else; the server refuses them anyway (FORBIDDEN).

import { h } from '../common/dom.js';
import { createAccountsPanel } from './accounts-panel.js';
import { createAuditPanel } from './audit-panel.js';

export const ADMIN_ADDRESS = 'admin.cmd';

/** send(address, action, params): the console session's; token(): the session token. */
export function createAdminTab({ t, send, token, showInfo, showError }) {
  const call = (action, params) => send(ADMIN_ADDRESS, action, params);
  const accounts = createAccountsPanel({ t, send: call, showInfo, showError });
  const audit = createAuditPanel({ t, send: call, token, showError });
  const el = h('section', { role: 'tabpanel', class: 'admin-tab', testid: 'admin-tab' }, accounts.el, audit.el);
  let role = null;

  return {
    el,
    /** Whether the signed-in account sees the tab: administrators (both parts) and viewers (the audit log). */
    setIdentity(identity) {
      role = identity && identity.type === 'account' ? identity.role : null;
      accounts.el.hidden = role !== 'admin';
      return role === 'admin' || role === 'viewer';
    },
    refresh() {
      if (role === 'admin') accounts.refresh();
      if (role === 'admin' || role === 'viewer') audit.refresh();
    },
    update(overview) {
      accounts.setGrids(overview.grids);
    },
  };
}
