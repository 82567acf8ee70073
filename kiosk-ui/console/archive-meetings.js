// 会议档案: search past meetings (words, date range, grid, where a topic came from) on archive.cmd,
// list them newest first, and open one: its agenda with resolutions, attendance and votes. Names
// appear only when the server sends them (it does not to a read-only viewer).

import { h, replace } from '../common/dom.js';
import { formatDateTime, DAY_MS } from './format.js';

export const TOPIC_KINDS = ['PARTY_BRANCH', 'GRID_WORKER', 'RESIDENTS', 'STAFF'];

/** "2025-11-28" (local) → ms at that day's start, or null. */
function dayStart(value) {
  if (!value) return null;
  const [y, m, d] = value.split('-').map(Number);
  const ms = new Date(y, m - 1, d).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** send(action, params): an archive.cmd command (→ reply; rejects); minutes: the 会议记录 view (minutes-view.js). */
export function createArchiveMeetings({ t, send, showError, minutes }) {
  const text = h('input', { type: 'search', maxLength: 60, testid: 'archive-meetings-text' });
  const from = h('input', { type: 'date', testid: 'archive-meetings-from' });
  const to = h('input', { type: 'date', testid: 'archive-meetings-to' });
  const grid = h('select', { testid: 'archive-meetings-grid' }, h('option', { value: '' }, t('archive.all')));
  const topicKind = h('select', { testid: 'archive-meetings-topic' }, h('option', { value: '' }, t('archive.all')),
    TOPIC_KINDS.map((k) => h('option', { value: k }, t(`archive.topicKind.${k}`))));
  const count = h('p', { class: 'muted', testid: 'archive-meetings-count' });
  const results = h('ul', { class: 'lines', testid: 'archive-meetings-results' });
  const detail = h('section', { class: 'panel request-detail', testid: 'archive-meeting-detail', hidden: true });
  const form = h('form', { class: 'row filters', onsubmit: (e) => { e.preventDefault(); refresh(); } },
    h('label', { class: 'field' }, t('archive.meetings.text'), text),
    h('label', { class: 'field' }, t('archive.meetings.from'), from),
    h('label', { class: 'field' }, t('archive.meetings.to'), to),
    h('label', { class: 'field' }, t('archive.meetings.grid'), grid),
    h('label', { class: 'field' }, t('archive.meetings.topicKind'), topicKind),
    h('button', { type: 'submit', class: 'btn btn-primary', testid: 'archive-meetings-search' }, t('archive.search')));
  const el = h('div', { class: 'notices-layout' },
    h('div', { class: 'column' }, h('section', { class: 'panel' }, h('h2', {}, t('archive.meetings.title')),
      h('p', { class: 'hint' }, t('archive.meetings.hint')), form, count, results)),
    h('div', { class: 'column' }, detail, minutes.el));
  let grids = [];
  let asked = 0;

  const gridName = (id) => (grids.find((g) => g.id === id) || {}).name || '';

  function filters() {
    const p = {};
    if (text.value.trim()) p.text = text.value.trim();
    if (dayStart(from.value) != null) p.from = dayStart(from.value);
    if (dayStart(to.value) != null) p.to = dayStart(to.value) + DAY_MS;
    if (grid.value) p.gridId = grid.value;
    if (topicKind.value) p.topicKind = topicKind.value;
    return p;
  }

  function line(m) {
    const decided = m.matters.filter((x) => x.passed != null).length;
    return h('li', {}, h('button', { type: 'button', class: 'line-button', testid: `archive-meeting-${m.id}`, onclick: () => open(m.id) },
      h('div', { class: 'strong' }, m.title),
      h('div', { class: 'muted' }, [formatDateTime(m.startsAt), t(`archive.status.${m.status}`), m.roomName,
        m.gridIds.map(gridName).filter(Boolean).join('、'), t('archive.meetings.matters', { n: m.matters.length }),
        decided ? t('archive.meetings.resolved', { n: decided }) : null].filter(Boolean).join(' · '))));
  }

  async function refresh() {
    const n = ++asked;
    let reply;
    try {
      reply = await send('searchMeetings', filters());
    } catch (err) {
      // before the line is open the console's connection mark says so; false: ask again later
      if (err.code === 'OFFLINE') return false;
      showError(err);
      return true;
    }
    if (n !== asked) return true;
    const meetings = reply.meetings || [];
    count.textContent = reply.truncated ? t('archive.truncated', { n: meetings.length }) : t('archive.count', { n: meetings.length });
    replace(results, meetings.length ? meetings.map(line) : h('li', { class: 'muted', testid: 'archive-meetings-empty' }, t('archive.meetings.empty')));
    return true;
  }

  async function open(id) {
    minutes.hide();
    try {
      const reply = await send('getArchivedMeeting', { id });
      render(reply.meeting);
    } catch (err) {
      showError(err);
    }
  }

  function fact(label, value, testid) {
    return h('div', { class: 'fact' }, h('dt', {}, label), h('dd', { testid }, value == null || value === '' ? '—' : value));
  }

  function outcomeText(outcome) {
    if (!outcome) return t('archive.vote.open');
    return `${t(outcome.passed ? 'archive.vote.passed' : 'archive.vote.failed')}（${t('archive.vote.counts',
      { for: outcome.FOR, against: outcome.AGAINST, abstain: outcome.ABSTAIN })}）`;
  }

  function matter(m) {
    return h('li', { testid: `archive-matter-${m.id}` }, h('div', { class: 'strong' }, m.title),
      h('div', { class: 'muted' }, [m.topicKind ? t(`archive.topicKind.${m.topicKind}`) : null,
        t('archive.meeting.speeches', { n: m.speeches, people: m.speakers })].filter(Boolean).join(' · ')),
      m.resolution
        ? h('div', { class: 'resolution', testid: 'archive-matter-resolution' }, `${m.resolution.motion}：${outcomeText(m.resolution.outcome)}`)
        : h('div', { class: 'muted' }, t('archive.meeting.noResolution')));
  }

  function attendance(a, personal) {
    const kinds = Object.entries(a.byKind || {}).map(([kind, c]) => h('li', {},
      t('archive.meeting.byKind', { kind: t(`kind.${kind}`), invited: c.invited, checkedIn: c.checkedIn, walkIns: c.walkIns })));
    const people = personal && a.people ? h('ul', { class: 'records', testid: 'archive-meeting-people' }, a.people.map((p) => h('li', {},
      `${p.name}（${t(`kind.${p.kind}`)}）：${t(p.walkIn ? 'archive.meeting.walkIn' : (p.checkedIn ? 'archive.meeting.present' : 'archive.meeting.absent'))}`,
      p.speeches ? ` · ${t('archive.meeting.personSpeeches', { n: p.speeches })}` : null)))
      : h('p', { class: 'hint' }, t('archive.meeting.noNames'));
    return [h('p', { class: 'strong', testid: 'archive-meeting-attendance' }, t('archive.meeting.attendanceLine', a)),
      h('ul', { class: 'records' }, kinds), h('h4', {}, t('archive.meeting.people')), people];
  }

  function vote(v) {
    return h('li', { testid: `archive-vote-${v.voteId}` }, `${v.motion || ''}`,
      h('span', { class: 'muted' }, ` · ${t(v.secret ? 'archive.vote.secret' : 'archive.vote.named')}`,
        v.matterTitle ? ` · ${v.matterTitle}` : null),
      h('div', { testid: 'archive-vote-outcome' }, outcomeText(v.outcome)));
  }

  function render(m) {
    detail.hidden = false;
    replace(detail,
      h('div', { class: 'panel-head' }, h('h2', { testid: 'archive-meeting-title' }, m.title), h('span', { class: 'spacer' }),
        m.status === 'CLOSED' ? minutes.button(m.id, 'archive-meeting-minutes') : null,
        h('button', { type: 'button', class: 'btn btn-small', testid: 'archive-meeting-close', onclick: () => { detail.hidden = true; } },
          t('archive.close'))),
      h('dl', { class: 'facts' }, fact(t('archive.meeting.when'), formatDateTime(m.startsAt)),
        fact(t('archive.meeting.room'), m.roomName), fact(t('archive.meeting.status'), t(`archive.status.${m.status}`))),
      h('h3', {}, t('archive.meeting.agenda')), h('ol', { class: 'records' }, m.agenda.map(matter)),
      h('h3', {}, t('archive.meeting.attendance')), attendance(m.attendance, m.personal),
      h('h3', {}, t('archive.meeting.votes')),
      m.votes.length ? h('ul', { class: 'records', testid: 'archive-meeting-votes' }, m.votes.map(vote))
        : h('p', { class: 'muted' }, t('archive.meeting.noVotes')));
  }

  return {
    el,
    refresh,
    setGrids(next) {
      grids = next;
      const chosen = grid.value;
      replace(grid, h('option', { value: '' }, t('archive.all')), grids.map((g) => h('option', { value: g.id }, g.name)));
      grid.value = chosen;
    },
  };
}
