// Entry of the staff console: sign in, then wire the notice and display panels to console.cmd,
// the requests tab to request.cmd and the sign-in alerts to /api/alerts. Every panel renders the
// latest overview; an UNAUTHENTICATED answer anywhere signs out.

import { h, replace } from '../common/dom.js';
import { createI18n, errorText } from '../common/i18n.js';
import { readToken, saveToken, forgetToken } from '../common/token.js';
import { createNotice, createConnectionMark } from '../common/notice.js';
import { logout } from '../host/api.js';
import { createLoginForm } from '../host/login.js';
import { MESSAGES } from './messages.js';
import { startConsoleSession } from './session.js';
import { createNoticeList } from './notice-list.js';
import { createNoticeEditor } from './notice-editor.js';
import { createNoticePreview } from './notice-preview.js';
import { createResultsPanel } from './results-panel.js';
import { createMeetingNoticesPanel } from './meeting-notices-panel.js';
import { createFeedbackPanel } from './feedback-panel.js';
import { createDisplaysPanel } from './displays-panel.js';
import { createRequestsTab } from './requests-tab.js';
import { createAlertsPanel } from './alerts-panel.js';
import { createMembersTab } from './members-tab.js';
import { createAdminTab } from './admin-tab.js';
import { createCommunityTab, COMMUNITY_ADDRESS } from './community-tab.js';
import { createMeetingsTab } from './meetings-tab.js';
import { createArchiveTab } from './archive-tab.js';
import { createFollowUpTab } from './followup-tab.js';
import { createEvaluationTab } from './evaluation-tab.js';
import { createForumTab } from './forum-tab.js';

const TOKEN_KEY = 'shangliang.console.token';
const TABS = ['notices', 'displays', 'requests', 'members', 'meetings', 'archive', 'followup', 'evaluation', 'forum', 'alerts', 'community', 'admin'];

const t = createI18n(MESSAGES);
document.title = t('app.title');

const tabButtons = TABS.map((name) => h('button', {
  type: 'button', class: 'tab', role: 'tab', testid: `console-tab-${name}`, hidden: true, onclick: () => showTab(name),
}, t(`tab.${name}`)));
const who = h('span', { class: 'who', testid: 'signed-in-as' });
const logoutButton = h('button', { type: 'button', class: 'btn btn-small', testid: 'logout', hidden: true, onclick: onLogout }, t('logout'));
const connection = createConnectionMark({ testid: 'connection', text: t('connection.offline') });
const errors = createNotice({ testid: 'console-error', className: 'toast' });
const status = createNotice({ testid: 'console-status', className: 'toast toast-info', hideAfterMs: 4000 });
const content = h('main', { class: 'content' });
replace(document.getElementById('app'),
  h('header', { class: 'topbar' }, h('h1', {}, t('app.title')), h('nav', { class: 'tabs', role: 'tablist' }, tabButtons),
    h('span', { class: 'spacer' }), who, logoutButton),
  connection.el, content, errors.el, status.el);

let token = readToken(TOKEN_KEY);
let session = null;
let overview = { grids: [], displays: [], notices: [] };
let sections = {};
let requests = null;
let alerts = null;
let admin = null;
let community = null; // administrators only
let myName = '';
const inFlight = new Set();

function showTab(name) {
  TABS.forEach((tab, i) => {
    tabButtons[i].setAttribute('aria-selected', String(tab === name));
    if (sections[tab]) sections[tab].hidden = tab !== name;
  });
  if (name === 'requests' && requests) requests.refresh();
  if (name === 'alerts' && alerts) alerts.refresh().catch(fail);
  if (name === 'admin' && admin) admin.refresh();
  if (name === 'community' && community) community.refresh();
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${name}`);
}

function signOut() {
  if (session) session.stop();
  if (alerts) alerts.stop();
  session = null;
  sections = {};
  requests = null;
  alerts = null;
  showUnseenAlerts(0);
  forgetToken(TOKEN_KEY);
  token = null;
  who.textContent = '';
  logoutButton.hidden = true;
  tabButtons.forEach((b) => { b.hidden = true; });
  connection.set('open');
  const form = createLoginForm({ t, onSignedIn });
  replace(content, form.el);
  form.focus();
}

/** The alerts tab says how many alerts nobody has marked seen yet. */
function showUnseenAlerts(n) {
  const tab = tabButtons[TABS.indexOf('alerts')];
  tab.textContent = n > 0 ? t('tab.alertsUnseen', { n }) : t('tab.alerts');
  tab.classList.toggle('tab-warning', n > 0);
}

function onSignedIn(result) {
  token = result.token;
  saveToken(TOKEN_KEY, token);
  errors.clear();
  start();
}

async function onLogout() {
  const old = token;
  signOut();
  if (old) await logout(old);
}

function fail(err) {
  if (err && err.code === 'UNAUTHENTICATED' && token) signOut();
  status.clear();
  errors.show(errorText(t, err));
}

function info(text) {
  errors.clear();
  status.show(text, 'info');
}

/**
 * Runs a console command; resolves to its reply, or null after showing the error (onFailure
 * hears it first). The same command twice at once (a double click) is sent once.
 */
function act(action, params = {}, onFailure) {
  return run('command', action, params, onFailure);
}

/** The same for a command on request.cmd. */
function requestAct(action, params = {}) {
  return run('request', action, params);
}

async function run(line, action, params, onFailure) {
  const key = line + action + JSON.stringify(params);
  if (!session || inFlight.has(key)) return null;
  inFlight.add(key);
  try {
    const reply = await session[line](action, params);
    errors.clear();
    return reply;
  } catch (err) {
    if (onFailure) onFailure(err);
    fail(err);
    return null;
  } finally {
    inFlight.delete(key);
  }
}

function query(action, params) {
  if (!session) return Promise.reject(new Error('signed out'));
  return session.query(action, params);
}

function requestQuery(action, params) {
  if (!session) return Promise.reject(new Error('signed out'));
  return session.request(action, params);
}

function qrFor(noticeId) {
  const tokens = overview.qr || {};
  return noticeId && tokens[noticeId] ? `/qr/${encodeURIComponent(tokens[noticeId])}.svg` : null;
}

function buildNotices() {
  const preview = createNoticePreview({ t });
  const feedback = createFeedbackPanel({ t, query, act });
  const editor = createNoticeEditor({
    t, act, token: () => token, showInfo: info, showError: fail,
    onDraft: (draft) => {
      preview.show(draft.notice, { boardName: draft.boardName, qrSrc: draft.saved ? qrFor(draft.notice.id) : null });
      list.select(draft.notice.id);
    },
  });
  const openNotice = (n) => {
    editor.load(n);
    showTab('notices');
    editor.el.scrollIntoView({ block: 'start' });
  };
  const list = createNoticeList({
    t,
    onEdit: openNotice,
    onFeedback: (n) => feedback.open(n).catch(fail),
    onClearUrgent: (n) => editor.retract(n),
  });
  const results = createResultsPanel({
    t, query, act, showInfo: info, onOpenNotice: openNotice,
    findNotice: (id) => (overview.notices || []).find((n) => n.id === id) || null,
  });
  const meetingNotices = createMeetingNoticesPanel({ t, act, showInfo: info, onOpenNotice: openNotice, notices: () => overview.notices || [],
    send: (...args) => (session ? session.send(...args) : Promise.reject(new Error('signed out'))) });
  const el = h('section', { class: 'notices-layout', role: 'tabpanel' },
    h('div', { class: 'column' }, list.el, feedback.el, results.el, meetingNotices.el),
    h('div', { class: 'column' }, preview.el, editor.el));
  editor.load(null);
  return {
    el,
    update(next) {
      list.update(next);
      editor.update(next);
      results.refresh();
      meetingNotices.refresh();
    },
  };
}

function start() {
  logoutButton.hidden = false;
  tabButtons.forEach((b) => { b.hidden = false; });
  const notices = buildNotices();
  const displays = createDisplaysPanel({ t, act, showInfo: info });
  const displaysSection = h('section', { role: 'tabpanel' }, displays.el);
  requests = createRequestsTab({
    t, call: requestAct, query: requestQuery, act, token: () => token, me: () => myName, showInfo: info, showError: fail,
  });
  alerts = createAlertsPanel({ t, token: () => token, onUnseen: showUnseenAlerts, showError: fail });
  const alertsSection = h('section', { role: 'tabpanel' }, alerts.el);
  const members = createMembersTab({ t, send: (action, params) => (session ? session.send('member.cmd', action, params) : Promise.reject(new Error('signed out'))), token: () => token, showInfo: info, showError: fail });
  admin = createAdminTab({ t, send: (...args) => (session ? session.send(...args) : Promise.reject(new Error('signed out'))), token: () => token, showInfo: info, showError: fail });
  tabButtons[TABS.indexOf('admin')].hidden = true;
  // a new grid or room shows in every tab at once: the overview is asked for again after each change
  community = createCommunityTab({ t, showInfo: info, call: (action, params = {}) => (session
    ? session.send(COMMUNITY_ADDRESS, action, params)
      .then((reply) => { if (!/^(list|get)/.test(action) && session) session.refresh().catch(() => {}); return reply; })
      .catch((err) => { fail(err); return null; }) : Promise.resolve(null)) });
  const meetings = createMeetingsTab({ t, send: (...args) => (session ? session.send(...args) : Promise.reject(new Error('signed out'))), token: () => token, showInfo: info, showError: fail });
  sections = { notices: notices.el, displays: displaysSection, requests: requests.el, members: members.el, meetings: meetings.el, alerts: alertsSection,
    community: community.el, admin: admin.el };
  replace(content, notices.el, displaysSection, requests.el, members.el, meetings.el, alertsSection, community.el, admin.el);
  sections.archive = createArchiveTab({ t, send: (...args) => (session ? session.send(...args) : Promise.reject(new Error('signed out'))), showError: fail }).el;
  content.append(sections.archive);
  sections.followup = content.appendChild(createFollowUpTab({ t, send: (...args) => (session ? session.send(...args) : Promise.reject(new Error('signed out'))), showInfo: info, showError: fail }).el);
  content.append(sections.evaluation = createEvaluationTab({ t, send: (...args) => (session ? session.send(...args) : Promise.reject(new Error('signed out'))), showError: fail }).el);
  content.append(sections.forum = createForumTab({ t, send: (...args) => (session ? session.send(...args) : Promise.reject(new Error('signed out'))), showError: fail }).el);
  const asked = location.hash.slice(1);
  showTab(TABS.includes(asked) ? asked : 'notices');

  session = startConsoleSession({
    token: () => token,
    onIdentity: (identity) => {
      if (identity.type !== 'account') {
        fail({ code: 'UNAUTHENTICATED' });
        return;
      }
      myName = identity.name || '';
      tabButtons[TABS.indexOf('community')].hidden = identity.role !== 'admin';
      if (identity.role === 'admin' && location.hash === '#community') community.refresh();
      who.textContent = t('signedInAs', { name: identity.name, role: t(`role.${identity.role}`) });
      const mayAdminister = admin.setIdentity(identity);
      tabButtons[TABS.indexOf('admin')].hidden = !mayAdminister;
      if (!sections.admin.hidden) (mayAdminister ? admin.refresh() : showTab('notices'));
    },
    onOverview: (next) => {
      overview = next || overview;
      notices.update(overview);
      displays.update(overview);
      if (requests) requests.update(overview);
      members.update(overview);
      meetings.update(overview);
      if (admin) admin.update(overview);
    },
    onConnection: (state) => connection.set(state),
    onError: fail,
  });
}

if (token) start();
else signOut();
