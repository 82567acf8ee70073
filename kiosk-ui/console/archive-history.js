// 参会记录: choose a member of the register (found by name or building on member.cmd) and see their
// history across meetings from archive.cmd: invited, attended, absent, speeches per matter and
// named votes. A read-only viewer is sent the counts only, and sees only those.

import { h, replace } from '../common/dom.js';
import { formatDateTime } from './format.js';

const TYPING_MS = 300;

/** send(address, action, params): a command on a console address (→ reply; rejects). */
export function createArchiveHistory({ t, send, showError }) {
  const text = h('input', { type: 'search', maxLength: 40, testid: 'archive-history-find', oninput: typed });
  const found = h('ul', { class: 'lines', testid: 'archive-history-members' });
  const detail = h('section', { class: 'panel request-detail', testid: 'archive-history', hidden: true });
  const el = h('div', { class: 'notices-layout' },
    h('div', { class: 'column' }, h('section', { class: 'panel' }, h('h2', {}, t('archive.history.title')),
      h('p', { class: 'hint' }, t('archive.history.hint')),
      h('label', { class: 'field' }, t('archive.history.find'), text), found)),
    h('div', { class: 'column' }, detail));
  let typingTimer = null;
  let asked = 0;

  function typed() {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(refresh, TYPING_MS);
  }

  async function refresh() {
    const n = ++asked;
    const params = text.value.trim() ? { text: text.value.trim() } : {};
    let reply;
    try {
      reply = await send('member.cmd', 'listMembers', params);
    } catch (err) {
      // before the line is open the console's connection mark says so; false: ask again later
      if (err.code === 'OFFLINE') return false;
      showError(err);
      return true;
    }
    if (n !== asked) return true;
    const members = reply.members || [];
    replace(found, members.length ? members.map((m) => h('li', {}, h('button', {
      type: 'button', class: 'line-button', testid: `archive-history-member-${m.id}`, onclick: () => open(m.id),
    }, m.name, m.building ? h('span', { class: 'muted' }, ` · ${m.building}`) : null)))
      : h('li', { class: 'muted' }, t('archive.history.noMembers')));
    return true;
  }

  async function open(memberId) {
    try {
      render(await send('archive.cmd', 'memberHistory', { memberId }));
    } catch (err) {
      showError(err);
    }
  }

  function meetingState(m) {
    if (m.attended) return t('archive.history.attended');
    return t(m.absent ? 'archive.history.absent' : 'archive.history.upcoming');
  }

  function meeting(m) {
    return h('li', { testid: `archive-history-meeting-${m.meetingId}` },
      h('div', {}, h('span', { class: 'strong' }, m.title), h('span', { class: 'muted' }, ` · ${formatDateTime(m.startsAt)} · `),
        h('span', { class: m.attended ? 'ok' : 'late' }, meetingState(m))),
      h('ul', { class: 'records' },
        m.speeches.map((s) => h('li', {}, t('archive.history.spoke', { title: s.title, count: s.count }))),
        m.votes.map((v) => h('li', { testid: 'archive-history-vote' },
          t('archive.history.voted', { motion: v.motion, choice: t(`archive.choice.${v.choice}`) })))));
  }

  function render(reply) {
    detail.hidden = false;
    const meetings = reply.meetings;
    replace(detail, h('h2', { testid: 'archive-history-name' }, reply.member.name),
      h('p', { class: 'strong', testid: 'archive-history-totals' }, t('archive.history.totals', reply.totals)),
      !meetings ? h('p', { class: 'hint' }, t('archive.history.countsOnly'))
        : (meetings.length ? h('ol', { class: 'records' }, meetings.map(meeting)) : h('p', { class: 'muted' }, t('archive.history.none'))));
  }

  return { el, refresh };
}
