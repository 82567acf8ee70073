// 待回访: topics whose follow-up is late (已逾期) or falls due within three days (即将到期). Topics
// are followed up every half month (协商类, 决策类) or month (咨询类, 听证类) until solved.
// 办完即反: requests done whose residents are still to be told, past their deadline (已超期, in red)
// or with it within three days; the deadline is set in working days (INFORM_WITHIN_WORKING_DAYS).

import { h, renderKeyed } from '../common/dom.js';
import { formatDateTime } from './format.js';

export function createFollowUpsPanel({ t, query, onOpen }) {
  const overdue = h('ul', { class: 'lines', testid: 'followups-overdue' });
  const due = h('ul', { class: 'lines', testid: 'followups-due' });
  const informsOverdue = h('ul', { class: 'lines', testid: 'informs-overdue' });
  const informsDue = h('ul', { class: 'lines', testid: 'informs-due' });
  const informsHint = h('p', { class: 'hint', testid: 'informs-hint' });
  const el = h('div', { class: 'followups-view' },
    h('section', { class: 'panel informs', testid: 'informs-panel' },
      h('h2', {}, t('informs.title')),
      informsHint,
      h('h3', { class: 'late' }, t('informs.overdue')), informsOverdue,
      h('h3', {}, t('informs.due')), informsDue),
    h('section', { class: 'panel followups' },
      h('h2', {}, t('followups.title')),
      h('p', { class: 'hint' }, t('followups.hint')),
      h('h3', { class: 'late' }, t('followups.overdue')), overdue,
      h('h3', {}, t('followups.due')), due));

  function line(item, late) {
    return h('li', {},
      h('button', { type: 'button', class: ['line-button', late && 'late'], testid: `followup-${item.number}`, onclick: () => onOpen(item.id) },
        h('span', { class: 'strong' }, item.number), ' ',
        item.title ? h('span', {}, item.title) : null, ' ',
        h('span', { class: 'muted' }, [item.topicKind ? t(`topicKind.${item.topicKind}`) : '', item.gridName || '',
          t(`reqStatus.${item.status}`)].filter(Boolean).join(' · ')), ' ',
        h('span', { class: 'nowrap' }, t('followups.at', { at: formatDateTime(item.nextFollowUpAt) }))));
  }

  function informLine(item, late) {
    return h('li', {},
      h('button', { type: 'button', class: ['line-button', late && 'late'], testid: `inform-${item.number}`, onclick: () => onOpen(item.id) },
        h('span', { class: 'strong' }, item.number), ' ',
        h('span', {}, item.publicTitle), ' ',
        item.channel ? h('span', { class: 'muted' }, t(`channel.${item.channel}`)) : null, ' ',
        h('span', { class: ['nowrap', late && 'late'] }, t('informs.at', { at: formatDateTime(item.informDueAt) })),
        late ? h('span', { class: 'late', testid: `inform-late-${item.number}` }, ` ${t('informs.overdue')}`) : null));
  }

  function fill(list, items, late, render = line) {
    renderKeyed(list, JSON.stringify(items), () => (items.length ? items.map((i) => render(i, late))
      : h('li', { class: 'muted' }, t('followups.none'))));
  }

  return {
    el,
    async refresh() {
      const [reply, informs] = await Promise.all([query('followUpsDue'), query('informsDue')]);
      fill(overdue, (reply && reply.overdue) || [], true);
      fill(due, (reply && reply.due) || [], false);
      fill(informsOverdue, (informs && informs.overdue) || [], true, informLine);
      fill(informsDue, (informs && informs.due) || [], false, informLine);
      if (informs) informsHint.textContent = t('informs.hint', { days: informs.workingDays });
    },
  };
}
