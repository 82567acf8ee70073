// 议题清单: the unsolved requests collected in a period (this half month by default, or this week
// from Monday, or chosen dates), topics first by urgency; published in one click as a notice.

import { h, replace } from '../common/dom.js';
import { serverNow } from '../common/clock.js';
import { formatDateTime } from './format.js';

const pad = (n) => String(n).padStart(2, '0');
const dayInput = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** [from, to) in this PC's time zone: 'half' is the 1st–15th or the 16th–month end, 'week' starts Monday. */
export function periodOf(kind, now = new Date(serverNow())) {
  const y = now.getFullYear();
  const m = now.getMonth();
  const d = now.getDate();
  if (kind === 'week') {
    const monday = d - ((now.getDay() + 6) % 7);
    return [new Date(y, m, monday), new Date(y, m, monday + 7)];
  }
  return d <= 15 ? [new Date(y, m, 1), new Date(y, m, 16)] : [new Date(y, m, 16), new Date(y, m + 1, 1)];
}

export function createTopicListPanel({ t, query, act, showInfo, onOpen }) {
  const kind = h('select', { id: 'topiclist-period', testid: 'topiclist-period', onchange: () => choose(kind.value) },
    ['half', 'week', 'custom'].map((k) => h('option', { value: k }, t(`topiclist.${k}`))));
  const from = h('input', { type: 'date', id: 'topiclist-from', testid: 'topiclist-from', onchange: () => { kind.value = 'custom'; load(); } });
  const to = h('input', { type: 'date', id: 'topiclist-to', testid: 'topiclist-to', onchange: () => { kind.value = 'custom'; load(); } });
  const items = h('ol', { class: 'topic-items', testid: 'topiclist-items' });
  const publish = h('button', { type: 'button', class: 'btn btn-primary', testid: 'topiclist-publish', onclick: publishList }, t('topiclist.publish'));
  const field = (id, label, input) => h('div', { class: 'field' }, h('label', { htmlFor: id }, label), input);
  const el = h('section', { class: 'panel topic-list' },
    h('h2', {}, t('topiclist.title')),
    h('div', { class: 'cols three' }, field('topiclist-period', t('topiclist.period'), kind),
      field('topiclist-from', t('topiclist.from'), from), field('topiclist-to', t('topiclist.to'), to)),
    items,
    h('div', { class: 'row actions' }, publish, h('span', { class: 'hint' }, t('topiclist.publishHint'))));
  let asked = 0;

  function choose(k) {
    if (k !== 'custom') {
      const [a, b] = periodOf(k);
      from.value = dayInput(a);
      to.value = dayInput(new Date(b.getFullYear(), b.getMonth(), b.getDate() - 1));
    }
    load();
  }

  /** The chosen days as [from, to) in ms; the "to" day counts whole. */
  function range() {
    const [fy, fm, fd] = from.value.split('-').map(Number);
    const [ty, tm, td] = to.value.split('-').map(Number);
    if (!fy || !ty) return null;
    return [new Date(fy, fm - 1, fd).getTime(), new Date(ty, tm - 1, td + 1).getTime()];
  }

  function item(line) {
    return h('li', { testid: `topic-${line.number}` },
      h('button', { type: 'button', class: 'line-button', onclick: () => onOpen(line.id) },
        line.topicKind ? h('span', { class: 'badge' }, t(`urgency.${line.urgency}`)) : null,
        h('span', { class: 'strong' }, line.publicTitle), ' ',
        h('span', { class: 'muted' }, [line.number, line.kind, line.gridName, line.topicKind ? t(`topicKind.${line.topicKind}`) : null,
          t(`reqStatus.${line.status}`), formatDateTime(line.createdAt)].filter(Boolean).join(' · '))));
  }

  async function load() {
    const r = range();
    if (!r) return;
    const n = ++asked;
    let reply;
    try {
      reply = await query('topicList', { from: r[0], to: r[1] });
    } catch {
      return; // shown again at the next refresh
    }
    if (n !== asked) return;
    const topics = (reply && reply.topics) || [];
    replace(items, topics.length ? topics.map(item) : h('li', { class: 'muted' }, t('topiclist.empty')));
  }

  async function publishList() {
    const r = range();
    if (!r) return;
    publish.disabled = true;
    try {
      const reply = await act('publishTopicList', { from: r[0], to: r[1] });
      if (reply && reply.notice) showInfo(t('topiclist.published', { title: reply.notice.title }));
    } finally {
      publish.disabled = false;
    }
  }

  choose('half');
  return { el, refresh: load };
}
