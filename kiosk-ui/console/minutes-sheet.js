// The minutes (会议记录) as one printable sheet, built from the stored minutes the server sends
// (GET /api/meetings/:id/minutes): the same sections in the same order as the Word document
// (org.shangliang.minutes.MinutesDocx). Every value reaches the page as text.

import { h } from '../common/dom.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const DEFAULT_ZONE = 'Asia/Shanghai';

const NOON_MS = 12 * 3600 * 1000;

/**
 * Times in the minutes' own time zone, as the Word document writes them, whatever this PC's zone
 * is; and a day typed as "2025-12-31" back to noon of that day in the zone (it then reads as the
 * same day wherever it is shown).
 */
export function clockIn(timeZone) {
  let zone = timeZone || DEFAULT_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    zone = DEFAULT_ZONE;
  }
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  const parts = (ms) => Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const ok = (ms) => typeof ms === 'number' && Number.isFinite(ms);
  return {
    date: (ms) => (ok(ms) ? (({ year, month, day }) => `${year}-${month}-${day}`)(parts(ms)) : ''),
    dateTime: (ms) => (ok(ms) ? (({ year, month, day, hour, minute }) => `${year}-${month}-${day} ${hour}:${minute}`)(parts(ms)) : ''),
    clock: (ms) => (ok(ms) ? (({ hour, minute, second }) => `${hour}:${minute}:${second}`)(parts(ms)) : ''),
    noonOf(value) {
      const [y, m, d] = String(value == null ? '' : value).split('-').map(Number);
      if (!y || !m || !d) return null;
      const guess = Date.UTC(y, m - 1, d) + NOON_MS;
      const p = parts(guess);
      const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
      return guess - (wall - guess);
    },
  };
}

const list = (value) => (Array.isArray(value) ? value.filter((v) => v && typeof v === 'object') : []);
const text = (value) => (value == null ? '' : String(value));
const count = (value) => (value == null ? '—' : String(value));

/** minutes: the stored document. Returns the <article>. */
export function createMinutesSheet(t, minutes) {
  const when = clockIn(minutes.timeZone);
  const personal = minutes.personal !== false;
  const none = (value) => (text(value).trim() ? text(value) : t('minutes.none.short'));
  const names = (values) => {
    const real = (Array.isArray(values) ? values : []).map(text).filter((n) => n.trim());
    return real.length ? real.join('、') : t('minutes.none.short');
  };
  const numeral = (n) => (t.lang === 'en' || n > NUMERALS.length ? String(n) : NUMERALS[n - 1]);
  const duration = (seconds) => {
    const s = Math.max(0, Math.round(Number(seconds) || 0));
    if (s < 60) return t('minutes.seconds', { s });
    return s % 60 === 0 ? t('minutes.minutes', { m: s / 60 }) : t('minutes.minutesSeconds', { m: Math.floor(s / 60), s: s % 60 });
  };

  const fact = (label, value, testid) => h('div', { class: 'fact', testid }, h('dt', {}, label), h('dd', {}, value));
  const table = (className, testid, header, rows) => h('table', { class: ['grid', className], testid },
    h('thead', {}, h('tr', {}, header.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c))))));
  const pairs = (testid, rows) => h('table', { class: 'pairs', testid },
    h('tbody', {}, rows.map(([label, value]) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, value)))));

  function heldAt() {
    const from = typeof minutes.openedAt === 'number' ? minutes.openedAt : minutes.startsAt;
    if (typeof from !== 'number') return '';
    if (typeof minutes.closedAt !== 'number') return when.dateTime(from);
    const to = when.date(from) === when.date(minutes.closedAt) ? when.dateTime(minutes.closedAt).slice(11) : when.dateTime(minutes.closedAt);
    return t('minutes.heldFromTo', { from: when.dateTime(from), to });
  }

  function head() {
    const approved = minutes.status === 'APPROVED' && minutes.approvedBy;
    return [
      minutes.status === 'APPROVED' ? null : h('p', { class: 'draft-banner', testid: 'minutes-draft' }, t('minutes.draftBanner')),
      h('header', { class: 'sheet-head' }, h('h1', {}, t('minutes.title')), h('p', { class: 'subtitle', testid: 'minutes-title' }, text(minutes.title))),
      h('dl', { class: 'facts' },
        fact(t('minutes.community'), text(minutes.community)),
        fact(t('minutes.room'), text(minutes.room)),
        fact(t('minutes.time'), heldAt(), 'minutes-time'),
        fact(t('minutes.hosts'), names(list(minutes.hosts).map((p) => p.name))),
        fact(t('minutes.recorder'), text(minutes.recorder)),
        approved ? fact(t('minutes.approved'), `${text(minutes.approvedBy.name)}　${when.dateTime(minutes.approvedAt)}`) : null),
    ];
  }

  function attendance() {
    const a = minutes.attendance || {};
    const byKind = list(a.byKind);
    return h('section', { class: 'attendance', testid: 'minutes-attendance' },
      h('h2', {}, t('minutes.attendance')),
      h('p', {}, t('minutes.attendanceLine', { invited: count(a.invited), present: count(a.present), absent: count(a.absent), walkIns: count(a.walkIns) })),
      byKind.length ? table('kinds', 'minutes-kinds', ['kind', 'invited', 'present', 'absent', 'walkIns'].map((c) => t(`minutes.col.${c}`)),
        byKind.map((k) => [text(k.label), count(k.invited), count(k.present), count(k.absent), count(k.walkIns)])) : null,
      personal
        ? h('dl', { class: 'facts' },
          fact(t('minutes.presentNames'), names(a.present_names), 'minutes-present'),
          fact(t('minutes.absentNames'), names(a.absent_names)),
          fact(t('minutes.walkInNames'), names(a.walkIn_names)))
        : h('p', { class: 'aside' }, t('minutes.noNames')));
  }

  function speeches(matter) {
    const rows = list(matter.speeches).map((s, i) => [String(i + 1), text(s.name), when.clock(s.startedAt), duration(s.seconds),
      Number(s.overrunSeconds) > 0 ? duration(s.overrunSeconds) : '—']);
    const refusals = list(matter.refusals).map((r) => `${text(r.name).trim() || t('minutes.someone')}（${when.clock(r.at)}）`);
    return [
      h('h3', {}, t('minutes.speeches')),
      rows.length ? table('speeches', 'minutes-speeches', ['no', 'speaker', 'startedAt', 'seconds', 'overrun'].map((c) => t(`minutes.col.${c}`)), rows)
        : h('p', {}, t('minutes.noSpeeches')),
      refusals.length ? h('dl', { class: 'facts' }, fact(t('minutes.refusals'), t('minutes.refusalsLine', { names: refusals.join('、') }), 'minutes-refusals')) : null,
    ];
  }

  function quorum(vote) {
    const q = vote.quorum;
    const line = q && q.required != null ? t('minutes.quorumLine', { required: count(q.required), present: count(q.present) }) : t('minutes.noQuorum');
    return text(vote.heldBelowQuorum).trim() ? line + t('minutes.belowQuorum', { reason: text(vote.heldBelowQuorum) }) : line;
  }

  function vote(v, i, all) {
    const secret = v.secret !== false;
    const tally = v.tally || {};
    const rollCall = !secret && Array.isArray(v.rollCall) ? list(v.rollCall) : null;
    return h('section', { class: 'vote', testid: 'minutes-vote' },
      h('h3', {}, all > 1 ? t('minutes.voteN', { n: numeral(i + 1) }) : t('minutes.vote')),
      pairs('minutes-vote-facts', [
        [t('minutes.motion'), text(v.motion)],
        [t('minutes.method'), secret ? t('minutes.secret') : t('minutes.named')],
        [t('minutes.base'), text(v.baseLabel)],
        [t('minutes.quorum'), quorum(v)],
        [t('minutes.tally'), t('minutes.tallyLine', { for: count(tally.for), against: count(tally.against), abstain: count(tally.abstain), cast: count(tally.cast), entitled: count(tally.entitled) })],
        [t('minutes.outcome'), (v.passed === true ? t('minutes.passed') : t('minutes.failed')) + text(v.why)],
      ]),
      rollCall ? [h('h4', {}, t('minutes.rollCall')),
        table('roll-call', 'minutes-roll-call', ['no', 'name', 'choice'].map((c) => t(`minutes.col.${c}`)),
          rollCall.map((r, n) => [String(n + 1), text(r.name), t.has(`minutes.choice.${r.choice}`) ? t(`minutes.choice.${r.choice}`) : text(r.choice)]))]
        : !secret && !personal ? h('p', { class: 'aside' }, t('minutes.noRollCall')) : null);
  }

  function matter(m, i) {
    const r = m.resolution || {};
    const kind = t.has(`topicKind.${m.topicKind}`) ? `${t(`topicKind.${m.topicKind}`)}；` : '';
    const votes = list(m.votes);
    return h('section', { class: 'matter', testid: 'minutes-matter' },
      h('h2', { testid: 'minutes-matter-title' }, t('minutes.matter', { n: numeral(i + 1), title: text(m.title) })),
      h('p', { class: 'aside' }, kind + t('minutes.limits', { time: duration(m.speechSeconds), count: count(m.speechesPerPerson) })),
      speeches(m),
      h('h3', {}, t('minutes.summary')),
      h('p', { class: 'long', testid: 'minutes-summary' }, none(m.summary)),
      votes.map((v, n) => vote(v, n, votes.length)),
      h('h3', {}, t('minutes.resolution')),
      pairs('minutes-resolution', [
        [t('minutes.resolution'), none(r.text)],
        [t('minutes.responsible'), none(r.responsible)],
        [t('minutes.dueAt'), typeof r.dueAt === 'number' ? when.date(r.dueAt) : t('minutes.undecided')],
      ]));
  }

  function closing() {
    const addenda = list(minutes.addenda);
    const line = (role, name) => h('p', { class: 'signature', testid: 'minutes-signature' },
      h('span', {}, `${role}：${text(name)}`), h('span', {}, `${t('minutes.sign')}：`), h('span', { class: 'blank' }),
      h('span', {}, `${t('minutes.signDate')}：`), h('span', { class: 'blank short' }));
    return h('section', { class: 'closing' },
      h('h2', {}, t('minutes.notes')),
      h('p', { class: 'long', testid: 'minutes-notes' }, none(minutes.notes)),
      h('h2', {}, t('minutes.addenda')),
      addenda.length
        ? h('ol', { class: 'addenda', testid: 'minutes-addenda' }, addenda.map((a) => h('li', {},
          h('span', { class: 'by' }, `${when.dateTime(a.at)}　${text((a.by || {}).name)}：`), text(a.text))))
        : h('p', {}, t('minutes.none.short')),
      h('div', { class: 'signatures', testid: 'minutes-signatures' },
        h('h2', {}, t('minutes.signatures')),
        list(minutes.hosts).map((p) => line(t('minutes.signHost'), p.name)),
        line(t('minutes.signRecorder'), minutes.recorder)));
  }

  return h('article', { class: 'sheet', testid: 'minutes-sheet' },
    head(), attendance(), list(minutes.matters).map(matter), closing());
}
