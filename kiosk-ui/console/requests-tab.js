// The 诉求 tab: residents' requests over request.cmd. Its views are the list with one request's
// detail and steps, the entry of calls, letters and visits, the follow-ups and 办完即反 due, the
// topic list, the monthly rates, the request kinds and the grids' poster codes. The shown view refreshes every 10 s (with the console's overview) and
// after every step.

import { h } from '../common/dom.js';
import { listRooms } from '../host/api.js';
import { createRequestList } from './request-list.js';
import { createRequestDetail } from './request-detail.js';
import { createRequestEntry } from './request-entry.js';
import { createFollowUpsPanel } from './followups-panel.js';
import { createTopicListPanel } from './topic-list-panel.js';
import { createRatesPanel } from './rates-panel.js';
import { createRequestKindsPanel } from './request-kinds-panel.js';
import { createPostersPanel } from './posters-panel.js';

const VIEWS = ['list', 'enter', 'followups', 'topics', 'rates', 'kinds', 'posters'];

/**
 * call(action, params): a request.cmd command whose failure is shown (→ reply or null);
 * query(action, params): the same, rejecting quietly; act: a console.cmd command.
 */
export function createRequestsTab({ t, call, query, act, token, me, showInfo, showError }) {
  const quiet = () => {};
  let identity = null; // who the server takes us for (hello): a grid worker's steps and filters differ
  const list = createRequestList({ t, query, onOpen: open, showError });
  const detail = createRequestDetail({
    t, call, query, token, me, identity: () => identity, showInfo, showError,
    loadRooms: () => listRooms(token()),
    loadWorkers: (gridId) => query('gridWorkers', { gridId }),
    onChanged: () => refresh(),
    onClose: () => { detail.hide(); list.select(null); },
  });
  const entry = createRequestEntry({ t, call, query, identity: () => identity, showInfo, showError, onEntered: open });
  const followUps = createFollowUpsPanel({ t, query, onOpen: open });
  const topics = createTopicListPanel({ t, query, act, showInfo, onOpen: open });
  const rates = createRatesPanel({ t, query, showError });
  const kinds = createRequestKindsPanel({ t, query, call, showInfo });
  const posters = createPostersPanel({ t });
  const panels = {
    list: { el: h('div', { class: 'notices-layout' }, h('div', { class: 'column' }, list.el), h('div', { class: 'column' }, detail.el)),
      refresh: () => Promise.all([list.refresh(), detail.reload()]) },
    enter: { el: entry.el, refresh: entry.refresh },
    followups: { el: followUps.el, refresh: followUps.refresh },
    topics: { el: topics.el, refresh: topics.refresh },
    rates: { el: rates.el, refresh: rates.refresh },
    kinds: { el: kinds.el, refresh: kinds.refresh },
    posters: { el: posters.el, refresh: () => Promise.resolve() },
  };
  const buttons = VIEWS.map((name) => h('button', {
    type: 'button', class: 'btn subtab', testid: `requests-view-${name}`, onclick: () => showView(name),
  }, t(`requests.view.${name}`)));
  const el = h('section', { class: 'requests-tab', role: 'tabpanel', testid: 'requests-tab' },
    h('nav', { class: 'subtabs row' }, buttons),
    VIEWS.map((name) => panels[name].el));
  let current = 'list';

  function showView(name) {
    current = name;
    VIEWS.forEach((v, i) => {
      panels[v].el.hidden = v !== name;
      buttons[i].setAttribute('aria-pressed', String(v === name));
    });
    refresh();
  }

  /** Refreshes the view shown, and only while the tab is shown; a failed poll waits for the next. */
  function refresh() {
    if (el.hidden) return;
    whoAmI().then(() => panels[current].refresh()).catch(quiet);
  }

  /** Asks once who we are (again after a failure); the list then offers 派给我的 to a grid worker. */
  async function whoAmI() {
    if (identity) return;
    const hello = await query('hello');
    identity = (hello && hello.identity) || null;
    list.setIdentity(identity);
  }

  async function open(id) {
    if (current !== 'list') showView('list');
    list.select(id);
    await detail.open(id);
  }

  showView('list');
  return {
    el,
    refresh,
    update(overview) {
      list.updateGrids(overview.grids || []);
      posters.update(overview);
      refresh();
    },
  };
}
