// 账号: administrators create accounts (the server answers a temporary password, shown here once),
// change their name, role and grids, disable and enable them, reset passwords and read each one's
// sign-in history. Disabling and resetting ask for a second click instead of a dialog.

import { h, replace } from '../common/dom.js';
import { formatDateTime } from './format.js';

export const ROLES = ['admin', 'cadre', 'grid_worker', 'staff', 'viewer'];

/** send(action, params) → reply on admin.cmd (rejects with the server's error). */
export function createAccountsPanel({ t, send, showInfo, showError }) {
  let grids = [];
  let accounts = [];
  let editing = null; // the username whose account the form is changing, or null for a new one
  let pending = null; // {username, action}: a disable or reset waiting for its second click

  const field = (id, label, input) => h('div', { class: 'field' }, h('label', { htmlFor: id }, label), input);
  const username = h('input', { id: 'account-username', testid: 'account-username', maxLength: 32, pattern: '[A-Za-z0-9._\\-]{2,32}', autocomplete: 'off', required: true });
  const name = h('input', { id: 'account-name', testid: 'account-name', maxLength: 40, autocomplete: 'off', required: true });
  const role = h('select', { id: 'account-role', testid: 'account-role', onchange: showGrids },
    ROLES.map((r) => h('option', { value: r }, t(`role.${r}`))));
  const gridChecks = h('div', { class: 'choices', testid: 'account-grids' });
  const gridField = h('div', { class: 'field', hidden: true }, h('span', { class: 'sub-label' }, t('accounts.grids')), gridChecks);
  const formTitle = h('h2', {}, t('accounts.createTitle'));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'account-submit' }, t('accounts.create'));
  const cancel = h('button', { type: 'button', class: 'btn', testid: 'account-cancel', hidden: true, onclick: () => edit(null) }, t('accounts.cancel'));
  const secret = h('div', { class: 'panel secret-box', testid: 'temp-password-box', role: 'status', hidden: true });
  const form = h('form', { class: 'panel', testid: 'account-form', onsubmit: save },
    formTitle,
    h('p', { class: 'hint' }, t('accounts.hint')),
    h('div', { class: 'cols three' }, field('account-username', t('accounts.username'), username),
      field('account-name', t('accounts.name'), name), field('account-role', t('accounts.role'), role)),
    gridField,
    h('div', { class: 'row' }, submit, cancel));

  const body = h('tbody', {});
  const empty = h('p', { class: 'muted', hidden: true }, t('accounts.empty'));
  const history = h('section', { class: 'panel', testid: 'signin-history', hidden: true });
  const el = h('div', { class: 'accounts' }, form, secret,
    h('section', { class: 'panel' }, h('h2', {}, t('accounts.title')),
      h('table', { class: 'table', testid: 'account-list' },
        h('thead', {}, h('tr', {}, ['username', 'name', 'role', 'status', 'last', 'actions'].map((c) => h('th', { scope: 'col' }, t(`accounts.col.${c}`))))),
        body),
      empty),
    history);

  function showGrids() {
    gridField.hidden = role.value !== 'grid_worker';
  }

  function renderGridChecks(checked = []) {
    replace(gridChecks, grids.map((g) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', value: g.id, testid: `account-grid-${g.id}`, checked: checked.includes(g.id) }), g.name)));
  }

  function chosenGrids() {
    if (role.value !== 'grid_worker') return [];
    return [...gridChecks.querySelectorAll('input:checked')].map((c) => c.value);
  }

  /** Loads an account into the form to change it (null: back to a new account). */
  function edit(account) {
    editing = account ? account.username : null;
    formTitle.textContent = account ? t('accounts.editTitle', { username: account.username }) : t('accounts.createTitle');
    submit.textContent = account ? t('accounts.save') : t('accounts.create');
    cancel.hidden = !account;
    username.value = account ? account.username : '';
    username.readOnly = Boolean(account);
    name.value = account ? account.name : '';
    role.value = account ? account.role : ROLES[1];
    renderGridChecks(account ? account.gridIds : []);
    showGrids();
    if (account) form.scrollIntoView({ block: 'start' });
  }

  async function save(event) {
    event.preventDefault();
    submit.disabled = true;
    const params = { username: username.value.trim(), name: name.value.trim(), role: role.value, gridIds: chosenGrids() };
    try {
      const reply = await send(editing ? 'updateAccount' : 'createAccount', params);
      if (reply.temporaryPassword) showSecret(params.username, reply.temporaryPassword);
      showInfo(t(editing ? 'accounts.saved' : 'accounts.created', { username: params.username }));
      edit(null);
      await refresh();
    } catch (err) {
      showError(err);
    } finally {
      submit.disabled = false;
    }
  }

  function showSecret(user, password) {
    replace(secret,
      h('p', { class: 'strong' }, t('accounts.secretFor', { username: user })),
      h('p', { class: 'secret', testid: 'temp-password' }, password),
      h('p', { class: 'hint' }, t('accounts.secretHint')),
      h('button', { type: 'button', class: 'btn', testid: 'temp-password-done', onclick: () => { secret.hidden = true; replace(secret); } }, t('accounts.secretDone')));
    secret.hidden = false;
    secret.scrollIntoView({ block: 'center' });
  }

  async function run(action, account, done) {
    pending = null;
    try {
      const reply = await send(action, { username: account.username });
      if (reply.temporaryPassword) showSecret(account.username, reply.temporaryPassword);
      if (done) showInfo(t(done, { username: account.username }));
    } catch (err) {
      showError(err);
    }
    await refresh();
  }

  async function showHistory(account) {
    try {
      const reply = await send('signInHistory', { username: account.username });
      const rows = reply.signIns || [];
      replace(history,
        h('div', { class: 'panel-head' }, h('h2', {}, t('history.title', { username: account.username })),
          h('button', { type: 'button', class: 'btn btn-small', onclick: () => { history.hidden = true; } }, t('history.close'))),
        rows.length === 0 ? h('p', { class: 'muted' }, t('history.empty')) : h('table', { class: 'table' },
          h('thead', {}, h('tr', {}, ['at', 'address', 'result'].map((c) => h('th', { scope: 'col' }, t(`history.col.${c}`))))),
          h('tbody', {}, rows.map((s) => h('tr', { testid: 'signin-row', class: s.ok ? null : 'late' },
            h('td', { class: 'nowrap' }, formatDateTime(s.at)), h('td', {}, s.address || ''),
            h('td', {}, `${t(s.ok ? 'history.ok' : 'history.failed')}：${t(`history.reason.${s.reason}`)}`))))));
      history.hidden = false;
      history.scrollIntoView({ block: 'start' });
    } catch (err) {
      showError(err);
    }
  }

  function statusText(a) {
    if (a.disabled) return t('accounts.status.disabled');
    return a.mustChangePassword ? t('accounts.status.mustChange') : t('accounts.status.ok');
  }

  function roleText(a) {
    const names = a.gridIds.map((id) => (grids.find((g) => g.id === id) || { name: id }).name);
    return names.length ? `${t(`role.${a.role}`)}（${names.join('、')}）` : t(`role.${a.role}`);
  }

  function actions(a) {
    const button = (key, testid, onclick, cls = 'btn btn-small') => h('button', { type: 'button', class: cls, testid: `${testid}-${a.username}`, onclick }, t(key));
    if (pending && pending.username === a.username) {
      const reset = pending.action === 'resetPassword';
      return [button(reset ? 'accounts.confirmReset' : 'accounts.confirmDisable', 'account-confirm',
        () => run(pending.action, a, reset ? null : 'accounts.disabled'), 'btn btn-small btn-danger'),
      button('accounts.cancel', 'account-confirm-cancel', () => { pending = null; render(); })];
    }
    const ask = (action) => () => { pending = { username: a.username, action }; render(); };
    return [button('accounts.edit', 'account-edit', () => edit(a)),
      a.disabled ? button('accounts.enable', 'account-enable', () => run('enableAccount', a, 'accounts.enabled'))
        : button('accounts.disable', 'account-disable', ask('disableAccount')),
      button('accounts.reset', 'account-reset', ask('resetPassword')),
      button('accounts.history', 'account-history', () => showHistory(a))];
  }

  function render() {
    replace(body, accounts.map((a) => h('tr', { testid: `account-row-${a.username}`, class: a.disabled ? 'muted' : null },
      h('td', { class: 'strong' }, a.username, a.demo ? h('span', { class: 'badge' }, t('accounts.demo')) : null),
      h('td', {}, a.name),
      h('td', {}, roleText(a)),
      h('td', { testid: `account-status-${a.username}` }, statusText(a)),
      h('td', { class: 'nowrap' }, a.lastSignInAt ? formatDateTime(a.lastSignInAt) : t('accounts.never')),
      h('td', {}, h('div', { class: 'row-actions' }, actions(a))))));
    empty.hidden = accounts.length > 0;
  }

  async function refresh() {
    const reply = await send('listAccounts', {});
    accounts = reply.accounts || [];
    render();
  }

  edit(null);
  return {
    el,
    refresh: () => refresh().catch(showError),
    /** The grids of the overview, for a grid worker's checkboxes. */
    setGrids(next) {
      const mapped = (next || []).map((g) => ({ id: g.id, name: g.name }));
      if (JSON.stringify(mapped) === JSON.stringify(grids)) return;
      grids = mapped;
      renderGridChecks([...gridChecks.querySelectorAll('input:checked')].map((c) => c.value));
      render();
    },
  };
}
