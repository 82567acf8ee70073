// The 档案 tab: past meetings (会议档案), past requests (诉求档案) and a member's attendance record
// (参会记录), all read from archive.cmd. The grids for the meeting filter come from request.cmd's
// form, which every console account may read. A view searches when it is first shown and when
// its form is sent; nothing polls, since the archive changes only when meetings and requests do.

import { h } from '../common/dom.js';
import { createArchiveMeetings } from './archive-meetings.js';
import { createArchiveRequests } from './archive-requests.js';
import { createArchiveHistory } from './archive-history.js';
import { createMinutesView } from './minutes-view.js';

export const ARCHIVE_ADDRESS = 'archive.cmd';
const VIEWS = ['meetings', 'requests', 'history'];
const RETRY_MS = 1000;

/** send(address, action, params): a command on a console address (→ reply; rejects). */
export function createArchiveTab({ t, send, showError }) {
  const archive = (action, params) => send(ARCHIVE_ADDRESS, action, params);
  const panels = {
    meetings: createArchiveMeetings({ t, send: archive, showError, minutes: createMinutesView({ t, send, showError }) }),
    requests: createArchiveRequests({ t, send: archive, showError }),
    history: createArchiveHistory({ t, send, showError }),
  };
  const buttons = VIEWS.map((name) => h('button', {
    type: 'button', class: 'btn subtab', testid: `archive-view-${name}`, onclick: () => showView(name),
  }, t(`archive.view.${name}`)));
  const el = h('section', { class: 'archive-tab', role: 'tabpanel', testid: 'archive-tab' },
    h('nav', { class: 'subtabs row' }, buttons), VIEWS.map((name) => panels[name].el));
  const shown = new Set();
  let current = 'meetings';
  let gridsAsked = false;

  function showView(name) {
    current = name;
    VIEWS.forEach((v, i) => {
      panels[v].el.hidden = v !== name;
      buttons[i].setAttribute('aria-pressed', String(v === name));
    });
    if (!el.hidden) firstLook();
  }

  /** The first time a view is shown it lists what there is (once connected); later it keeps the last search. */
  function firstLook() {
    if (!gridsAsked) {
      gridsAsked = true;
      send('request.cmd', 'requestForm', {}).then((form) => panels.meetings.setGrids(form.grids || []))
        .catch(() => { gridsAsked = false; });
    }
    const view = current;
    if (shown.has(view)) return;
    shown.add(view);
    panels[view].refresh().then((answered) => {
      if (answered) return;
      shown.delete(view); // not connected yet: look again while the view is still shown
      setTimeout(() => { if (!el.hidden && current === view) firstLook(); }, RETRY_MS);
    });
  }

  VIEWS.forEach((v) => { panels[v].el.hidden = v !== current; });
  buttons[0].setAttribute('aria-pressed', 'true');
  // the console shows and hides tabs by their hidden attribute: the tab looks when it is first shown
  el.hidden = true;
  new MutationObserver(() => { if (!el.hidden) firstLook(); }).observe(el, { attributes: true, attributeFilter: ['hidden'] });
  return { el, refresh: firstLook };
}
