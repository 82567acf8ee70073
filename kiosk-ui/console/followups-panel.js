// 待回访: topics whose follow-up is late (已逾期) or falls due within three days (即将到期). Topics
// are followed up every half month (协商类, 决策类) or month (咨询类, 听证类) until solved.

import { h, renderKeyed } from '../common/dom.js';
import { formatDateTime } from './format.js';

export function createFollowUpsPanel({ t, query, onOpen }) {
  const overdue = h('ul', { class: 'lines', testid: 'followups-overdue' });
  const due = h('ul', { class: 'lines', testid: 'followups-due' });
  const el = h('section', { class: 'panel followups' },
    h('h2', {}, t('followups.title')),
    h('p', { class: 'hint' }, t('followups.hint')),
    h('h3', { class: 'late' }, t('followups.overdue')), overdue,
    h('h3', {}, t('followups.due')), due);

  function line(item, late) {
    return h('li', {},
      h('button', { type: 'button', class: ['line-button', late && 'late'], testid: `followup-${item.number}`, onclick: () => onOpen(item.id) },
        h('span', { class: 'strong' }, item.number), ' ',
        item.title ? h('span', {}, item.title) : null, ' ',
        h('span', { class: 'muted' }, [item.topicKind ? t(`topicKind.${item.topicKind}`) : '', item.gridName || '',
          t(`reqStatus.${item.status}`)].filter(Boolean).join(' · ')), ' ',
        h('span', { class: 'nowrap' }, t('followups.at', { at: formatDateTime(item.nextFollowUpAt) }))));
  }

  function fill(list, items, late) {
    renderKeyed(list, JSON.stringify(items), () => (items.length ? items.map((i) => line(i, late))
      : h('li', { class: 'muted' }, t('followups.none'))));
  }

  return {
    el,
    async refresh() {
      const reply = await query('followUpsDue');
      fill(overdue, (reply && reply.overdue) || [], true);
      fill(due, (reply && reply.due) || [], false);
    },
  };
}
