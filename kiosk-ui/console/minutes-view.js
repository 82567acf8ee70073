// The console's 会议记录 view of a closed meeting, on minutes.cmd: everyone reads the minutes; while
// they are a draft, the meeting's hosts (and administrators) change 记录人, each matter's 主持人总结,
// 决议, 责任主体 and 完成时限, and 备注, save them with the version they read, and approve them (审定,
// after a confirmation: the text is then locked); approved minutes take only 补充更正. 打印 opens the
// print view (minutes.html), 下载 Word the .docx. The server decides; the view hides what it refuses.

import { h, replace } from '../common/dom.js';
import { createI18n, errorText } from '../common/i18n.js';
import { readToken } from '../common/token.js';
import { MINUTES_VIEW_MESSAGES } from './minutes-view-messages.js';
import { clockIn } from './minutes-sheet.js';

export const MINUTES_ADDRESS = 'minutes.cmd';
/** Where the console keeps its session token (main.js); the .docx route asks for it as a bearer token. */
const TOKEN_KEY = 'shangliang.console.token';

const list = (value) => (Array.isArray(value) ? value.filter((v) => v && typeof v === 'object') : []);
const text = (value) => (value == null ? '' : String(value));

/** send(address, action, params): a command on a console address (→ reply; rejects). Returns {el, open(meetingId), hide(), button(meetingId, testid, before)}. */
export function createMinutesView({ t: consoleT, send, showError }) {
  const t = createI18n(MINUTES_VIEW_MESSAGES, consoleT.lang);
  const body = h('div', {});
  const notice = h('p', { class: 'hint', role: 'status', testid: 'minutes-view-notice' });
  const el = h('section', { class: 'panel minutes-view', testid: 'minutes-view', hidden: true, 'aria-label': t('minutesView.open') }, body, notice);
  let meetingId = null;
  let minutes = null;
  let me = null;
  let fields = null;
  let busy = false;

  const call = (action, params) => send(MINUTES_ADDRESS, action, { meetingId, ...params });
  const say = (words) => { notice.textContent = words; };

  /** Whether the server lets this account change the minutes: one of the meeting's hosts, or an administrator. */
  function mayChange() {
    if (!me || me.role === 'viewer') return false;
    return me.role === 'admin' || list(minutes.hosts).some((p) => p.id === me.accountId);
  }

  async function open(id) {
    meetingId = id;
    minutes = null;
    el.hidden = false;
    say('');
    replace(body, h('p', { class: 'muted' }, t('minutes.loading')));
    el.scrollIntoView({ block: 'start' });
    await load();
  }

  async function load() {
    const asked = meetingId;
    try {
      if (!me) me = (await send('console.cmd', 'hello', {})).identity || null;
      const reply = await call('getMinutes', {});
      if (asked === meetingId) show(reply.minutes);
    } catch (err) {
      if (asked === meetingId) replace(body, head(null), h('p', { class: 'reason', testid: 'minutes-view-problem' }, errorText(t, err)));
    }
  }

  function head(m) {
    const when = clockIn(m && m.timeZone);
    const status = m ? h('span', { class: 'status-badge', 'data-status': m.status === 'APPROVED' ? 'CLOSED' : 'NEW', testid: 'minutes-view-status' },
      t(`minutesView.status.${m.status === 'APPROVED' ? 'APPROVED' : 'DRAFT'}`)) : null;
    return [
      h('div', { class: 'panel-head' }, h('h2', {}, t('minutesView.open')), status, h('span', { class: 'spacer' }),
        h('button', { type: 'button', class: 'btn btn-small', testid: 'minutes-view-close', onclick: hide }, t('minutesView.close'))),
      m ? h('p', { class: 'strong', testid: 'minutes-view-title' }, text(m.title)) : null,
      m && m.status === 'APPROVED' && m.approvedBy
        ? h('p', { class: 'muted', testid: 'minutes-view-approved' }, t('minutesView.approvedBy', { name: text(m.approvedBy.name), at: when.dateTime(m.approvedAt) })) : null,
      m ? h('div', { class: 'row' },
        h('a', { class: 'btn btn-small', href: `/console/minutes.html?meeting=${encodeURIComponent(meetingId)}`, target: '_blank', rel: 'noopener', testid: 'minutes-view-print' }, t('minutes.print')),
        h('button', { type: 'button', class: 'btn btn-small', testid: 'minutes-view-download', onclick: download }, t('minutes.download'))) : null,
    ];
  }

  /** A labelled text: an input or textarea for a host editing a draft, else the text as written. */
  function field(label, value, testid, { editable, multiline = false, maxLength }) {
    if (!editable) {
      return { el: h('div', { class: 'field' }, h('span', { class: 'sub-label' }, label),
        h('p', { class: 'comment', testid }, text(value).trim() ? text(value) : t('minutes.none.short'))) };
    }
    const input = multiline ? h('textarea', { class: 'short', rows: 3, maxLength, testid, value: text(value) })
      : h('input', { type: 'text', maxLength, testid, value: text(value) });
    return { el: h('label', { class: 'field' }, label, input), value: () => input.value.trim() };
  }

  function dueField(dueAt, when, editable) {
    const day = typeof dueAt === 'number' ? when.date(dueAt) : '';
    if (!editable) {
      return { el: h('div', { class: 'field' }, h('span', { class: 'sub-label' }, t('minutes.dueAt')),
        h('p', { testid: 'minutes-due' }, day || t('minutes.undecided'))) };
    }
    const input = h('input', { type: 'date', testid: 'minutes-due', value: day });
    return { el: h('label', { class: 'field' }, t('minutes.dueAt'), input, h('span', { class: 'hint' }, t('minutesView.dueHint'))),
      value: () => when.noonOf(input.value) };
  }

  function vote(v) {
    const tally = v.tally || {};
    return h('li', { testid: 'minutes-view-vote' }, h('span', { class: 'strong' }, text(v.motion)),
      h('span', { class: 'muted' }, `（${t(v.secret === false ? 'minutes.named' : 'minutes.secret')}）`),
      h('div', {}, t('minutesView.voteLine', { outcome: t(v.passed === true ? 'minutes.passed' : 'minutes.failed'),
        for: text(tally.for), against: text(tally.against), abstain: text(tally.abstain) })),
      text(v.why).trim() ? h('div', { class: 'muted' }, text(v.why)) : null);
  }

  function matter(m, i, when, editable) {
    const r = m.resolution || {};
    const votes = list(m.votes);
    const summary = field(t('minutes.summary'), m.summary, 'minutes-summary', { editable, multiline: true, maxLength: 2000 });
    const resolution = field(t('minutes.resolution'), r.text, 'minutes-resolution', { editable, multiline: true, maxLength: 1000 });
    const responsible = field(t('minutes.responsible'), r.responsible, 'minutes-responsible', { editable, maxLength: 60 });
    const due = dueField(r.dueAt, when, editable);
    fields.matters.push({ id: m.id, summary, resolution, responsible, due });
    return h('section', { class: 'topic-box', testid: 'minutes-view-matter' },
      h('h3', {}, t('minutes.matter', { n: i + 1, title: text(m.title) })),
      h('p', { class: 'muted' }, t('minutesView.speechCount', { n: list(m.speeches).length })),
      votes.length ? h('ul', { class: 'records' }, votes.map(vote)) : h('p', { class: 'muted' }, t('minutesView.noVotes')),
      summary.el, resolution.el, h('div', { class: 'cols' }, responsible.el, due.el));
  }

  function show(next) {
    minutes = next;
    const when = clockIn(minutes.timeZone);
    const approved = minutes.status === 'APPROVED';
    const editable = !approved && mayChange();
    fields = { matters: [] };
    fields.recorder = field(t('minutes.recorder'), minutes.recorder, 'minutes-recorder', { editable, maxLength: 40 });
    fields.notes = field(t('minutes.notes'), minutes.notes, 'minutes-notes', { editable, multiline: true, maxLength: 4000 });
    const a = minutes.attendance || {};
    replace(body, head(minutes),
      h('p', { class: approved ? 'reason' : 'hint', testid: 'minutes-view-hint' },
        t(approved ? 'minutesView.locked' : (editable ? 'minutesView.editHint' : 'minutesView.readOnlyDraft'))),
      h('dl', { class: 'facts' },
        h('div', { class: 'fact' }, h('dt', {}, t('minutes.hosts')), h('dd', {}, list(minutes.hosts).map((p) => text(p.name)).join('、'))),
        h('div', { class: 'fact' }, h('dt', {}, t('minutes.attendance')), h('dd', {}, t('minutes.attendanceLine',
          { invited: text(a.invited), present: text(a.present), absent: text(a.absent), walkIns: text(a.walkIns) })))),
      fields.recorder.el,
      list(minutes.matters).map((m, i) => matter(m, i, when, editable)),
      fields.notes.el,
      editable ? draftActions() : null,
      approved || list(minutes.addenda).length ? addenda(when) : null);
  }

  function draftActions() {
    const actions = h('div', { class: 'row actions' });
    const buttons = () => replace(actions,
      h('button', { type: 'button', class: 'btn btn-primary', testid: 'minutes-save', onclick: () => save(true) }, t('minutesView.save')),
      h('button', { type: 'button', class: 'btn', testid: 'minutes-approve', onclick: confirm }, t('minutesView.approve')));
    function confirm() {
      say('');
      replace(actions, h('div', { class: 'reason', testid: 'minutes-approve-question' },
        h('p', {}, t('minutesView.approveQuestion')),
        h('div', { class: 'row' },
          h('button', { type: 'button', class: 'btn btn-primary', testid: 'minutes-approve-confirm', onclick: approve }, t('minutesView.approveConfirm')),
          h('button', { type: 'button', class: 'btn', testid: 'minutes-approve-cancel', onclick: buttons }, t('minutesView.cancel')))));
      actions.querySelector('[data-testid="minutes-approve-confirm"]').focus();
    }
    buttons();
    return actions;
  }

  function addenda(when) {
    const items = list(minutes.addenda);
    const box = mayChange() && minutes.status === 'APPROVED'
      ? h('textarea', { class: 'short', rows: 3, maxLength: 2000, testid: 'minutes-addendum' }) : null;
    return h('section', { class: 'topic-box', testid: 'minutes-view-addenda' }, h('h3', {}, t('minutes.addenda')),
      items.length ? h('ol', { class: 'records', testid: 'minutes-addenda-list' }, items.map((x) => h('li', { testid: 'minutes-addendum-item' },
        h('div', { class: 'muted' }, t('minutesView.addendumBy', { name: text((x.by || {}).name), at: when.dateTime(x.at) })),
        h('div', { class: 'comment' }, text(x.text)))))
        : h('p', { class: 'muted' }, t('minutesView.noAddenda')),
      box ? [h('label', { class: 'field' }, t('minutesView.addendumNew'), h('span', { class: 'hint' }, t('minutesView.addendumHint')), box),
        h('div', { class: 'row' }, h('button', { type: 'button', class: 'btn btn-primary', testid: 'minutes-addendum-add', onclick: () => addAddendum(box) },
          t('minutesView.addendumAdd')))] : null);
  }

  /** The draft's fields as the form holds them, in editMinutes' shape. */
  function collect() {
    return {
      recorder: fields.recorder.value(),
      notes: fields.notes.value(),
      matters: fields.matters.map((m) => ({ id: m.id, summary: m.summary.value(),
        resolution: { text: m.resolution.value(), responsible: m.responsible.value(), dueAt: m.due.value() } })),
    };
  }

  function stored() {
    return {
      recorder: text(minutes.recorder).trim(),
      notes: text(minutes.notes).trim(),
      matters: list(minutes.matters).map((m) => {
        const r = m.resolution || {};
        return { id: m.id, summary: text(m.summary).trim(),
          resolution: { text: text(r.text).trim(), responsible: text(r.responsible).trim(), dueAt: typeof r.dueAt === 'number' ? r.dueAt : null } };
      }),
    };
  }

  /** Runs one change at a time; a stale version reloads the minutes and says why. → the reply, or null. */
  async function change(action, params) {
    if (busy) return null;
    busy = true;
    const asked = meetingId;
    try {
      const reply = await call(action, params);
      if (asked !== meetingId) return null;
      show(reply.minutes);
      return reply;
    } catch (err) {
      if (err.code === 'CONFLICT') {
        await load();
        say(t('minutesView.conflict'));
      } else {
        showError(err);
      }
      return null;
    } finally {
      busy = false;
    }
  }

  /** Saves what changed; → whether the minutes on the server now hold the form's text. */
  async function save(tell) {
    const changes = collect();
    if (JSON.stringify(changes) === JSON.stringify(stored())) {
      if (tell) say(t('minutesView.unchanged'));
      return true;
    }
    const saved = await change('editMinutes', { version: minutes.version, ...changes });
    if (saved && tell) say(t('minutesView.saved'));
    return !!saved;
  }

  async function approve() {
    if (!(await save(false))) return;
    if (await change('approveMinutes', { version: minutes.version })) say(t('minutesView.approvedNow'));
  }

  async function addAddendum(box) {
    const words = box.value.trim();
    if (!words) {
      say(t('minutesView.addendumEmpty'));
      box.focus();
      return;
    }
    if (await change('addAddendum', { text: words })) {
      say(t('minutesView.addendumAdded'));
      return;
    }
    // refused or reloaded: what was written stays in the box to send again
    const again = body.querySelector('[data-testid="minutes-addendum"]');
    if (again && !again.value) again.value = words;
  }

  async function download() {
    const token = readToken(TOKEN_KEY);
    try {
      const res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/minutes.docx`,
        { headers: token ? { Authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
      if (!res.ok) {
        const data = await res.json().catch(() => null);
        throw Object.assign(new Error((data && data.message) || res.statusText), { code: (data && data.code) || 'INTERNAL' });
      }
      const link = h('a', { href: URL.createObjectURL(await res.blob()), download: `${t('minutes.fileName')}-${text(minutes && minutes.title)}.docx`, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (err) {
      say(err.code ? errorText(t, err) : t('minutesView.downloadFailed'));
    }
  }

  function hide() {
    el.hidden = true;
    meetingId = null;
  }

  /** The 会议记录 button of a meeting's row or detail; before() runs first (the tab closes what the view replaces). */
  function button(id, testid, before) {
    return h('button', { type: 'button', class: 'btn btn-small', testid, onclick: () => { if (before) before(); open(id); } }, t('minutesView.open'));
  }

  return { el, open, hide, button };
}
