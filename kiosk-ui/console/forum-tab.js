// The 邻里协商论坛 tab: a year's three rankings from forum.cmd, each list with its rule and every
// entry with the figures (and ids) it was computed from; a change of rank needs a reason and shows
// who made it and why. 打印 prints the report; 发布到公示栏 posts the honours on every board. The
// server computes and checks everything; this page only lays the lists out.

import { h, replace } from '../common/dom.js';
import { formatDateTime } from './format.js';

export const FORUM_ADDRESS = 'forum.cmd';
const LISTS = [['mediators', 5], ['councillors', 5], ['cases', 10]];
const RETRY_MS = 1000;

/** send(address, action, params): a command on a console address (→ reply; rejects). */
/** Prints the report alone: the page's print rules apply while the body says so, until the print ends. */
function printReport() {
  document.body.classList.add('printing-forum');
  const done = () => {
    document.body.classList.remove('printing-forum');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

export function createForumTab({ t, send, showError }) {
  document.head.append(h('link', { rel: 'stylesheet', href: '/console/forum.css' }));
  const thisYear = new Date().getFullYear();
  const year = h('select', { testid: 'forum-year', onchange: () => refresh() },
    [0, 1, 2].map((back) => h('option', { value: String(thisYear - back) }, String(thisYear - back))));
  const status = h('p', { class: 'muted', testid: 'forum-status', 'aria-live': 'polite' });
  const lists = h('div', { class: 'forum-lists' });
  const heading = h('h2', { testid: 'forum-heading' });
  const el = h('section', { class: 'forum-tab', role: 'tabpanel', testid: 'forum-tab' },
    h('section', { class: 'panel forum-controls' }, h('h2', {}, t('forum.title')), h('p', { class: 'hint' }, t('forum.hint')),
      h('div', { class: 'row' }, h('label', { class: 'field' }, t('forum.year'), year),
        h('button', { type: 'button', class: 'btn', testid: 'forum-print', onclick: printReport }, t('forum.print')),
        h('button', { type: 'button', class: 'btn btn-primary', testid: 'forum-publish', onclick: publish }, t('forum.publish'))),
      status),
    h('section', { class: 'panel forum-report', testid: 'forum-report' }, heading, lists));
  let looked = false;

  function inputsText(list, e) {
    const i = e.inputs || {};
    if (list === 'mediators') return t('forum.inputs.mediator', i);
    if (list === 'councillors') return t('forum.inputs.councillor', i);
    return e.type === 'REQUEST' ? t('forum.inputs.request', i) : t('forum.inputs.resolution', i);
  }

  function ids(e) {
    const i = e.inputs || {};
    return [i.requestIds, i.meetingIds, i.topicRequestIds, i.resolutionId ? [i.resolutionId] : null, i.requestId ? [i.requestId] : null]
      .filter(Boolean).flat();
  }

  function overrideText(o) {
    const what = o.remove ? t('forum.override.removed') : t('forum.override.moved', { n: o.position });
    return t('forum.override.line', { what, by: (o.by || {}).name || '', at: formatDateTime(o.at), reason: o.reason });
  }

  function row(list, e) {
    const figure = list === 'cases' ? `${Math.round(e.satisfaction * 100)}%` : String(e.score);
    return h('tr', { testid: `forum-${list}-row-${e.rank}` },
      h('td', { class: 'forum-rank' }, String(e.rank)),
      h('th', { scope: 'row' }, e.name || ''),
      h('td', {}, figure),
      h('td', {}, inputsText(list, e),
        ids(e).length ? h('details', { class: 'forum-ids' }, h('summary', {}, t('forum.ids')), h('small', {}, ids(e).join(' '))) : null),
      h('td', { testid: `forum-${list}-override-${e.rank}` }, e.override ? overrideText(e.override) : ''));
  }

  function overrideForm(list, length, candidates) {
    const entry = h('select', { testid: `forum-${list}-entry` },
      candidates.map((c) => h('option', { value: c.entryId }, c.name || c.entryId)));
    const where = h('select', { testid: `forum-${list}-position` },
      Array.from({ length }, (_, i) => h('option', { value: String(i + 1) }, t('forum.position', { n: i + 1 }))),
      h('option', { value: 'remove' }, t('forum.remove')));
    const reason = h('input', { type: 'text', maxlength: '200', testid: `forum-${list}-reason` });
    const submit = async (ev) => {
      ev.preventDefault();
      const params = { year: Number(year.value), list, entryId: entry.value, reason: reason.value };
      if (where.value === 'remove') params.remove = true; else params.position = Number(where.value);
      try {
        render(await send(FORUM_ADDRESS, 'overrideRanking', params));
        status.textContent = t('forum.overridden');
      } catch (err) { showError(err); }
    };
    return h('form', { class: 'row forum-override', onsubmit: submit },
      h('label', { class: 'field' }, t('forum.entry'), entry), h('label', { class: 'field' }, t('forum.to'), where),
      h('label', { class: 'field forum-reason' }, t('forum.reason'), reason),
      h('button', { type: 'submit', class: 'btn', testid: `forum-${list}-override` }, t('forum.override')));
  }

  function render(reply) {
    heading.textContent = t('forum.heading', { year: reply.year });
    replace(lists, LISTS.map(([list, length]) => h('section', { class: 'forum-list', testid: `forum-${list}` },
      h('h3', {}, t(`forum.list.${list}`, { n: length })),
      h('p', { class: 'forum-rule', testid: `forum-${list}-rule` }, reply.rules[list]),
      reply[list].length ? h('table', { class: 'table' },
        h('thead', {}, h('tr', {}, ['rank', 'name', list === 'cases' ? 'satisfaction' : 'score', 'inputs', 'change']
          .map((c) => h('th', { scope: 'col' }, t(`forum.col.${c}`))))),
        h('tbody', {}, reply[list].map((e) => row(list, e)))) : h('p', { class: 'muted' }, t('forum.none')),
      reply.computed[list].length ? overrideForm(list, length, reply.computed[list]) : null)));
  }

  async function refresh() {
    status.textContent = t('forum.loading');
    try {
      render(await send(FORUM_ADDRESS, 'forumRankings', { year: Number(year.value) }));
      status.textContent = '';
      return true;
    } catch (err) {
      if (err.code === 'OFFLINE') return false;
      showError(err);
      return true;
    }
  }

  async function publish() {
    try {
      const reply = await send(FORUM_ADDRESS, 'publishForum', { year: Number(year.value) });
      status.textContent = t('forum.published', { title: reply.notice.title });
    } catch (err) { showError(err); }
  }

  function firstLook() {
    if (looked) return;
    looked = true;
    refresh().then((answered) => {
      if (answered) return;
      looked = false;
      setTimeout(() => { if (!el.hidden) firstLook(); }, RETRY_MS);
    });
  }

  el.hidden = true;
  new MutationObserver(() => { if (!el.hidden) firstLook(); }).observe(el, { attributes: true, attributeFilter: ['hidden'] });
  return { el };
}
