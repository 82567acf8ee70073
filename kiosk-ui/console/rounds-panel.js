// 书面协商 and 网络协商 of one meeting on round.cmd: its rounds with their counts, a form to open one
// on a matter with a question and a deadline, and a round's invited members with their views, each
// member's own link to send (网络协商) and a line to enter a paper answer (书面协商).

import { h, replace } from '../common/dom.js';
import { formatDateTime, fromLocalInput, toLocalInput, DAY_MS } from './format.js';

const ADDRESS = 'round.cmd';
const VIEWS = ['FOR', 'AGAINST', 'ABSTAIN'];

/** send(address, action, params) → reply; show(meeting) takes the meeting as getMeeting answers it. */
export function createRoundsPanel({ t, send, showInfo, showError }) {
  const list = h('div', { testid: 'rounds-list' });
  const detail = h('div', { testid: 'round-detail' });
  const matter = h('select', { testid: 'round-matter' });
  const question = h('input', { testid: 'round-question', maxLength: 200 });
  const form = h('select', { testid: 'round-form' }, ['ONLINE', 'WRITTEN'].map((f) => h('option', { value: f }, t(`rounds.form.${f}`))));
  const closesAt = h('input', { type: 'datetime-local', testid: 'round-closes-at' });
  const openButton = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'round-open' }, t('rounds.open'));
  const el = h('section', { class: 'panel', testid: 'rounds-panel', hidden: true },
    h('h2', {}, t('rounds.title')), h('p', { class: 'hint' }, t('rounds.hint')), list,
    h('form', { class: 'row filters', onsubmit: open },
      h('label', { class: 'field' }, t('rounds.matter'), matter),
      h('label', { class: 'field grow' }, t('rounds.question'), question),
      h('label', { class: 'field' }, t('rounds.form'), form),
      h('label', { class: 'field' }, t('rounds.closesAt'), closesAt), openButton),
    detail);
  let meeting = null;

  const call = (action, params) => send(ADDRESS, action, params);

  async function show(next) {
    meeting = next;
    el.hidden = false;
    replace(matter, (meeting.agenda || []).map((m) => h('option', { value: m.id }, m.title)));
    closesAt.value = toLocalInput(Date.now() + 3 * DAY_MS);
    replace(detail);
    await refresh();
  }

  async function refresh() {
    if (!meeting) return;
    try {
      const { rounds } = await call('listRounds', { meetingId: meeting.id });
      replace(list, rounds.length === 0 ? h('p', { class: 'muted', testid: 'rounds-none' }, t('rounds.none'))
        : h('ul', { class: 'plain' }, rounds.map((r) => h('li', { testid: `round-${r.id}` },
          h('strong', {}, r.matterTitle), ' · ', r.question, ' · ', t(`rounds.form.${r.form}`), ' · ',
          t(r.open ? 'rounds.state.open' : 'rounds.state.closed', { time: formatDateTime(r.closesAt) }), ' · ',
          h('span', { testid: `round-counts-${r.id}` }, t('rounds.counts', { ...r.counts, answered: r.answered })), ' ',
          h('button', { type: 'button', class: 'btn btn-small', testid: `round-show-${r.id}`, onclick: () => load(r.id) }, t('rounds.show'))))));
    } catch (err) {
      showError(err);
    }
  }

  async function open(event) {
    event.preventDefault();
    openButton.disabled = true;
    try {
      const opened = await call('openRound', {
        meetingId: meeting.id, matterId: matter.value, question: question.value.trim(), form: form.value,
        closesAt: fromLocalInput(closesAt.value),
      });
      showInfo(t('rounds.opened', { question: opened.round.question }));
      question.value = '';
      render(opened);
      await refresh();
    } catch (err) {
      showError(err);
    } finally {
      openButton.disabled = false;
    }
  }

  async function load(roundId) {
    try {
      render(await call('roundDetail', { roundId }));
    } catch (err) {
      showError(err);
    }
  }

  function render({ round, invitees }) {
    const rows = invitees.map((i) => {
      const choice = h('select', { testid: `round-paper-view-${i.memberId}` }, VIEWS.map((v) => h('option', { value: v }, t(`rounds.view.${v}`))));
      return h('tr', { testid: `round-invitee-${i.memberId}` },
        h('td', {}, i.name),
        h('td', { testid: `round-view-${i.memberId}` }, i.view ? t(`rounds.view.${i.view}`) + (i.via === 'PAPER' ? t('rounds.via.PAPER') : '') : t('rounds.view.none')),
        h('td', {}, i.comment || ''),
        h('td', {}, i.link ? h('button', {
          type: 'button', class: 'btn btn-small', testid: `round-link-${i.memberId}`, dataset: { link: i.link },
          onclick: () => navigator.clipboard.writeText(i.link).then(() => showInfo(t('rounds.copied', { name: i.name })), () => {}),
        }, t('rounds.copy')) : ''),
        h('td', {}, round.open && i.link ? [choice, h('button', {
          type: 'button', class: 'btn btn-small', testid: `round-paper-record-${i.memberId}`,
          onclick: () => record(round.id, i.memberId, choice.value),
        }, t('rounds.record'))] : ''));
    });
    replace(detail, h('h3', {}, `${round.matterTitle} · ${round.question}`),
      h('p', { testid: 'round-detail-counts' }, t('rounds.counts', { ...round.counts, answered: round.answered })),
      round.open ? h('button', { type: 'button', class: 'btn', testid: 'round-close', onclick: () => close(round.id) }, t('rounds.close')) : null,
      h('table', { class: 'table' },
        h('thead', {}, h('tr', {}, ['name', 'view', 'comment', 'link', 'paper'].map((c) => h('th', { scope: 'col' }, t(`rounds.col.${c}`))))),
        h('tbody', {}, rows)));
  }

  async function record(roundId, memberId, view) {
    try {
      render(await call('recordView', { roundId, memberId, view }));
      await refresh();
    } catch (err) {
      showError(err);
    }
  }

  async function close(roundId) {
    try {
      render(await call('closeRound', { roundId }));
      await refresh();
    } catch (err) {
      showError(err);
    }
  }

  function hide() {
    meeting = null;
    el.hidden = true;
  }

  return { el, show, hide, refresh };
}
