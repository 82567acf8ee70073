// Check-in: invited attendees who have not checked in yet, as big name buttons grouped by kind in
// pages that fit the screen, narrowed by tapping a kind or the first letter of a name (no typing),
// and a "是您本人吗？" step before anyone is checked in. The walk-in path is on the first screen.

import { h, replace } from '../common/dom.js';
import { attendeesOf } from '../common/snapshot.js';
import { groupByKind } from '../common/kinds.js';
import { createMeetingLine } from './meeting-line.js';
import { initialOf, initialGroups, byPinyin } from './initials.js';
import { layOut, GAP } from './name-pages.js';

const LONG_NAME = 6; // characters; longer names get a smaller size so they never spill
const BOTTOM_ROOM = 12;

/** onWalkIn(): the walk-in screen; onCheckedIn(attendee): after a check-in; onBack (optional): back. */
export function createCheckinScreen({ t, act, onWalkIn, onCheckedIn, onBack }) {
  const meetingLine = createMeetingLine(t);
  const list = h('div', { class: 'checkin-list', testid: 'names-list' });
  const filters = h('div', { class: 'checkin-filters' });
  const pager = h('div', { class: 'checkin-pager' });
  const tools = h('div', { class: 'checkin-tools' }, filters, pager);
  const chooser = h('section', { class: 'checkin-body' }, list, tools);
  const confirmBox = h('section', { class: 'checkin-confirm', hidden: true });
  const el = h('main', { class: 'screen checkin fit' },
    meetingLine.el,
    h('div', { class: 'checkin-head' },
      h('h1', {}, t('checkin.title')),
      h('button', { class: 'btn btn-primary', testid: 'walk-in', onclick: onWalkIn }, t('checkin.walkIn')),
      onBack ? h('button', { class: 'btn btn-secondary', testid: 'checkin-back', onclick: onBack }, t('checkin.back')) : null),
    chooser, confirmBox);

  let invited = [];
  let filter = null; // null | {kind} | {initial}
  let choosing = null; // null | 'kind' | 'initial': the list shows the choices instead of names
  let page = 0;
  let confirming = null; // the attendee asked "是您本人吗？"
  let longList = false;
  let laidKey = null;

  const go = (change) => () => { change(); layOutNow(); };

  function shown() {
    if (!filter) return invited;
    if (filter.kind) return invited.filter((a) => a.kind === filter.kind);
    return invited.filter((a) => initialOf(a.name) === filter.initial);
  }

  function nameButton(a) {
    return h('button', {
      class: [...a.name].length > LONG_NAME ? 'btn btn-name long' : 'btn btn-name',
      testid: `checkin-${a.id}`, onclick: () => { confirming = a; renderConfirm(); },
    }, a.name);
  }

  function section({ kind, people, continued, span }) {
    return h('section', { class: 'kind-group', style: `grid-column: span ${span}` },
      h('h2', { class: 'kind-title' }, continued ? t('checkin.continued', { kind: t(`kind.${kind}`) }) : t(`kind.${kind}`)),
      h('div', { class: 'name-page', style: `grid-template-columns: repeat(${span}, minmax(0, 1fr))` }, people.map(nameButton)));
  }

  function line({ sections }, cols) {
    return h('div', { class: 'name-line', style: `grid-template-columns: repeat(${cols}, minmax(0, 1fr))` }, sections.map(section));
  }

  function choices() {
    if (choosing === 'kind') {
      return h('div', { class: 'choice-grid' }, groupByKind(invited).map(([kind, people]) => h('button', {
        class: 'btn btn-name', testid: `filter-kind-${kind}`, onclick: go(() => { filter = { kind }; choosing = null; page = 0; }),
      }, t('checkin.kindCount', { kind: t(`kind.${kind}`), n: people.length }))));
    }
    return h('div', { class: 'choice-grid letters' }, initialGroups(invited.map((a) => a.name)).map(([letter, g]) => h('button', {
      class: 'btn btn-name btn-letter', testid: `filter-initial-${letter}`,
      onclick: go(() => { filter = { initial: letter }; choosing = null; page = 0; }),
    }, h('span', { class: 'letter' }, letter), h('span', { class: 'firsts' }, g.firsts.join(' ')))));
  }

  function renderTools(pages) {
    const pressed = (on) => ({ 'aria-pressed': String(!!on) });
    replace(filters, !longList ? [] : [
      h('button', { class: 'btn btn-secondary', testid: 'filter-all', ...pressed(!filter && !choosing), onclick: go(() => { filter = null; choosing = null; page = 0; }) }, t('checkin.all')),
      h('button', { class: 'btn btn-secondary', testid: 'filter-kind', ...pressed(choosing === 'kind' || (filter && filter.kind)), onclick: go(() => { choosing = 'kind'; }) },
        filter && filter.kind ? t(`kind.${filter.kind}`) : t('checkin.byKind')),
      h('button', { class: 'btn btn-secondary', testid: 'filter-initial', ...pressed(choosing === 'initial' || (filter && filter.initial)), onclick: go(() => { choosing = 'initial'; }) },
        filter && filter.initial ? t('checkin.letter', { letter: filter.initial }) : t('checkin.byInitial')),
    ]);
    replace(pager, choosing || pages <= 1 ? [] : [
      h('button', { class: 'btn btn-secondary', testid: 'page-prev', disabled: page === 0, onclick: go(() => { page--; }) }, t('checkin.prev')),
      h('span', { class: 'page-count', testid: 'page-count' }, t('checkin.page', { n: page + 1, total: pages })),
      h('button', { class: 'btn btn-secondary', testid: 'page-next', disabled: page >= pages - 1, onclick: go(() => { page++; }) }, t('checkin.next')),
    ]);
  }

  /** Fills the room between the list's top and the screen's bottom (less the tools row). */
  function fill(room) {
    const groups = groupByKind(shown());
    const laid = layOut(groups, list.clientWidth, room);
    page = Math.min(page, Math.max(0, laid.pages.length - 1));
    list.dataset.size = laid.size.name;
    renderTools(laid.pages.length);
    if (invited.length === 0) return replace(list, h('p', { class: 'status-text', testid: 'checkin-empty' }, t('checkin.empty')));
    if (choosing) return replace(list, choices());
    return replace(list, (laid.pages[page] || []).map((l) => line(l, laid.cols)));
  }

  const roomBelowList = () => window.innerHeight - list.getBoundingClientRect().top - BOTTOM_ROOM;

  function layOutNow() {
    if (confirming || !el.isConnected) return;
    longList = false;
    renderTools(1);
    let room = roomBelowList();
    longList = layOut(groupByKind(invited), list.clientWidth, room).pages.length > 1;
    if (!longList) {
      filter = null;
      choosing = null;
    } else {
      renderTools(2);
      room -= tools.offsetHeight + GAP;
    }
    fill(room);
    // Fonts and wrapping may differ from the arithmetic: give back a row's worth until it fits.
    for (let i = 0; i < 4 && document.documentElement.scrollHeight > window.innerHeight; i++) {
      room -= 90;
      fill(room);
    }
  }

  function renderConfirm() {
    confirmBox.hidden = !confirming;
    chooser.hidden = !!confirming;
    if (!confirming) return layOutNow();
    const a = confirming;
    replace(confirmBox,
      h('h2', { class: 'iam-question' }, t('checkin.isItYou')),
      h('p', { class: 'iam-name', testid: 'iam-name' }, a.name),
      h('p', { class: 'iam-kind' }, t(`kind.${a.kind}`)),
      h('div', { class: 'row' },
        h('button', { class: 'btn btn-primary btn-big', testid: 'iam-confirm', onclick: () => checkIn(a) }, t('checkin.confirm')),
        h('button', { class: 'btn btn-secondary btn-big', testid: 'iam-back', onclick: () => { confirming = null; renderConfirm(); } }, t('checkin.notMe'))));
  }

  async function checkIn(a) {
    const reply = await act('checkIn', { attendeeId: a.id });
    confirming = null;
    renderConfirm();
    if (reply && onCheckedIn) onCheckedIn(a);
  }

  window.addEventListener('resize', () => layOutNow());

  return {
    el,
    update(snap) {
      meetingLine.update(snap);
      invited = attendeesOf(snap).filter((a) => !a.walkIn && !a.checkedIn)
        .sort((a, b) => byPinyin(a.name, b.name));
      if (confirming && !invited.some((x) => x.id === confirming.id)) {
        confirming = null;
        renderConfirm();
      }
      // Rebuilt only when the list or the room for it changed: a rebuilt button swallows a tap.
      const key = JSON.stringify([invited.map((a) => [a.id, a.name, a.kind]), window.innerWidth, window.innerHeight,
        Math.round(list.getBoundingClientRect().top)]);
      if (key !== laidKey) layOutNow();
      laidKey = key;
    },
    /** Away from the first screen: a question open, a filter or a later page. */
    away: () => !!confirming || !!filter || !!choosing || page > 0,
    home() {
      confirming = null;
      filter = null;
      choosing = null;
      page = 0;
      renderConfirm();
    },
  };
}
