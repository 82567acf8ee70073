// Every notice the server holds, newest change first: what it is, where and when it is posted.

import { h, renderKeyed } from '../common/dom.js';
import { serverNow } from '../common/clock.js';
import { describeTargets } from './target-picker.js';
import { formatDateTime } from './format.js';

export function createNoticeList({ t, onEdit, onFeedback, onClearUrgent }) {
  const body = h('tbody', {});
  const empty = h('p', { class: 'muted', testid: 'notice-list-empty', hidden: true }, t('list.empty'));
  const el = h('section', { class: 'panel notice-list' },
    h('h2', {}, t('list.title')),
    h('table', { class: 'table', testid: 'notice-list' },
      h('thead', {}, h('tr', {}, ['title', 'kind', 'state', 'period', 'targets', 'actions']
        .map((c) => h('th', { scope: 'col' }, t(`list.col.${c}`))))),
      body),
    empty);
  let overview = { notices: [] };
  let selected = null;

  // A published notice outside its period says so; the server still holds it as PUBLISHED.
  function stateText(n) {
    const now = serverNow();
    if (n.state === 'PUBLISHED' && n.endsAt <= now) return `${t('state.PUBLISHED')} · ${t('state.ENDED')}`;
    if (n.state === 'PUBLISHED' && n.startsAt > now) return `${t('state.PUBLISHED')} · ${t('state.UPCOMING')}`;
    return t(`state.${n.state}`);
  }

  function row(n) {
    const urgentNow = n.urgent && n.state === 'PUBLISHED';
    return h('tr', { testid: `notice-row-${n.id}`, class: [n.id === selected && 'selected', urgentNow && 'urgent'], dataset: { state: n.state } },
      h('td', { class: 'title-cell' },
        n.urgent ? h('span', { class: 'badge badge-urgent', testid: `notice-urgent-${n.id}` }, t('urgent.mark')) : null,
        n.priority > 0 ? h('span', { class: 'badge' }, t(`priority.${n.priority}`)) : null,
        h('span', { class: 'notice-title', testid: `notice-title-${n.id}` }, n.title)),
      h('td', { class: 'nowrap' }, t(`noticeKind.${n.kind}`)),
      h('td', { class: 'nowrap', testid: `notice-state-${n.id}` }, stateText(n)),
      h('td', { class: 'nowrap' }, formatDateTime(n.startsAt), h('br'), formatDateTime(n.endsAt)),
      h('td', {}, describeTargets(t, n.targets, overview)),
      h('td', {}, h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'btn btn-small', testid: `notice-edit-${n.id}`, onclick: () => onEdit(n) }, t('list.edit')),
        h('button', { type: 'button', class: 'btn btn-small', testid: `notice-feedback-${n.id}`, onclick: () => onFeedback(n) }, t('list.feedback')),
        urgentNow ? h('button', { type: 'button', class: 'btn btn-small btn-danger', testid: `notice-clear-${n.id}`, onclick: () => onClearUrgent(n) }, t('list.clearUrgent')) : null)));
  }

  function render() {
    const notices = [...(overview.notices || [])].sort((a, b) => (b.updatedAt || 0) - (a.updatedAt || 0));
    empty.hidden = notices.length > 0;
    const names = [(overview.grids || []).map((g) => g.name), (overview.displays || []).map((d) => d.name)];
    const minute = Math.floor(serverNow() / 60000); // "ended"/"not started" follow the clock
    renderKeyed(body, JSON.stringify([notices, names, selected, minute]), () => notices.map(row));
  }

  return {
    el,
    update(next) {
      overview = next;
      render();
    },
    select(id) {
      selected = id;
      render();
    },
  };
}
