// What residents said about one notice (办完即反): one entry per phone with its latest rating and
// the ratings it replaced (已修改), its comments with phone numbers, and where and when the notice
// was posted.

import { h, replace } from '../common/dom.js';
import { formatDateTime, formatRate } from './format.js';

const RATINGS = ['SATISFIED', 'BASIC', 'UNSATISFIED'];

export function createFeedbackPanel({ t, query, act }) {
  const heading = h('h2', { testid: 'feedback-title' });
  const close = h('button', { type: 'button', class: 'btn btn-small', testid: 'feedback-close', onclick: hide }, t('feedback.close'));
  const summary = h('div', { class: 'feedback-summary' });
  const items = h('ul', { class: 'feedback-items', testid: 'feedback-items' });
  const postings = h('div', { class: 'postings', testid: 'postings' });
  const el = h('section', { class: 'panel feedback-panel', testid: 'feedback-panel', hidden: true },
    h('div', { class: 'panel-head' }, heading, h('span', { class: 'spacer' }), close),
    summary,
    h('h3', {}, t('feedback.comments')), items,
    h('h3', {}, t('postings.title')), postings);
  let notice = null;

  function hide() {
    el.hidden = true;
    notice = null;
  }

  function showSummary(s) {
    const counts = (s && s.counts) || {};
    const rate = formatRate(s && s.satisfactionRate);
    replace(summary,
      h('p', { class: 'big' },
        h('span', { testid: 'feedback-total' }, t('feedback.total', { n: (s && s.total) || 0 })), '　',
        h('span', { testid: 'feedback-rate' }, rate ? t('feedback.rate', { rate }) : t('feedback.rateNone'))),
      h('ul', { class: 'counts' }, RATINGS.map((r) => h('li', { testid: `feedback-count-${r}`, dataset: { rating: r } },
        t('feedback.count', { label: t(`feedback.${r}`), n: counts[r] || 0 })))));
  }

  function handledText(item) {
    const name = item.handledBy && (item.handledBy.name || item.handledBy);
    return name ? t('feedback.handled', { name }) : t('feedback.handledAnon');
  }

  /** The ratings this phone gave before its latest, e.g. "已修改 满意 → 基本满意（time）". */
  function changesView(item) {
    const changes = item.changes || [];
    if (!changes.length) return null;
    return h('p', { class: 'changes', testid: `feedback-changed-${item.id}` },
      h('span', { class: 'changed-mark' }, t('feedback.changed')), ' ', t(`feedback.${changes[0].from}`),
      changes.map((c) => ` ${t('feedback.changeStep', { rating: t(`feedback.${c.to}`), at: formatDateTime(c.at) })}`));
  }

  function commentsView(item) {
    const list = item.comments || (item.comment ? [{ text: item.comment, at: item.at }] : []);
    if (!list.length) return h('p', { class: 'comment', testid: `feedback-comment-${item.id}` }, t('feedback.noComment'));
    return list.map((c, i) => h('div', { class: 'comment-line' },
      list.length > 1 ? h('span', { class: 'comment-at' }, formatDateTime(c.at)) : null,
      h('p', { class: 'comment', testid: `feedback-comment-${item.id}-${i}` }, c.text)));
  }

  function phoneText(item) {
    if (item.phone) return t('feedback.phone', { phone: item.phone });
    return item.phoneWithheld ? t('feedback.phoneWithheld') : t('feedback.noPhone');
  }

  function feedbackItem(item) {
    const handle = item.handled
      ? h('span', { class: 'ok', testid: `feedback-handled-${item.id}` }, handledText(item))
      : h('button', { type: 'button', class: 'btn btn-small', testid: `feedback-handle-${item.id}`, onclick: () => markHandled(item) }, t('feedback.handle'));
    return h('li', { class: ['feedback-item', item.handled && 'handled'], testid: `feedback-item-${item.id}`, dataset: { rating: item.rating } },
      h('div', { class: 'feedback-meta' },
        h('span', { class: `rating rating-${item.rating}` }, t(`feedback.${item.rating}`)),
        h('span', {}, formatDateTime(item.at)),
        h('span', {}, t('feedback.board', { board: item.displayName || '' })),
        h('span', { testid: `feedback-phone-${item.id}` }, phoneText(item))),
      changesView(item),
      commentsView(item),
      handle);
  }

  function showPostings(list) {
    if (!list.length) {
      replace(postings, h('p', { class: 'muted' }, t('postings.empty')));
      return;
    }
    replace(postings, h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['board', 'grid', 'period'].map((c) => h('th', { scope: 'col' }, t(`postings.col.${c}`))))),
      h('tbody', {}, list.map((p) => h('tr', { testid: `posting-${p.displayId}` },
        h('td', {}, p.displayName || ''), h('td', {}, p.gridName || ''),
        h('td', {}, t('period', { from: formatDateTime(p.from), to: p.to ? formatDateTime(p.to) : t('postings.now') })))))));
  }

  async function load() {
    const id = notice.id;
    const [feedback, posted] = await Promise.all([
      query('listFeedback', { noticeId: id }),
      query('noticePostings', { noticeId: id }).catch(() => ({ postings: [] })),
    ]);
    if (!notice || notice.id !== id) return;
    showSummary(feedback.summary);
    const list = feedback.items || [];
    replace(items, list.length ? list.map(feedbackItem) : h('li', { class: 'muted' }, t('feedback.empty')));
    showPostings((posted && posted.postings) || []);
  }

  async function markHandled(item) {
    const reply = await act('markFeedbackHandled', { id: item.id });
    if (reply && notice) await load().catch(() => {});
  }

  return {
    el,
    /** Opens the panel for a notice; rejects with the server's error. */
    async open(n) {
      notice = n;
      heading.textContent = t('feedback.title', { title: n.title });
      replace(summary, h('p', { class: 'muted' }, t('loading')));
      replace(items);
      replace(postings);
      el.hidden = false;
      el.scrollIntoView({ block: 'nearest' });
      try {
        await load();
      } catch (err) {
        hide();
        throw err;
      }
    },
  };
}
