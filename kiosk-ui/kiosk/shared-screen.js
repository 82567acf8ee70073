// Shared mode: several attendees use one kiosk. The home screen lists who is checked in here and
// offers the actions; every action first asks "谁在操作？" with a big button per name. While a vote
// is open and someone here has not voted, the home screen is the list of those still to vote.

import { h, renderKeyed } from '../common/dom.js';
import { meetingOf, queuePosition, floorOf, openVote, hasVoted, onKiosk } from '../common/snapshot.js';
import { createMeetingLine } from './meeting-line.js';
import { createSpeakerClock } from './speaker-clock.js';
import { createVotePanel, ballotsDue } from './vote-panel.js';
import { speechesUsedUp } from './personal-screen.js';
import { heldTimeUp } from './moments.js';

const BACK_HOME_AFTER_VOTE_MS = 5000;

export function createSharedScreen({ t, act, deviceId, onCheckInMore, onCounted }) {
  const meetingLine = createMeetingLine(t);
  const clock = createSpeakerClock(t);
  const people = h('section', { class: 'people' });
  const body = h('section', { class: 'shared-body' });
  const votePanel = createVotePanel({ t, act, onCounted });
  const voterHello = h('h1', { class: 'hello', testid: 'voter-name', hidden: true });
  const el = h('main', { class: 'screen shared' }, meetingLine.el, clock.el, people, voterHello, votePanel.el, body);

  // What the screen is doing: null (home), {action, step: 'who'} or {action: 'vote', attendeeId}.
  let mode = null;
  let snap = null;
  let homeTimer = null;

  function goHome() {
    clearTimeout(homeTimer);
    homeTimer = null;
    mode = null;
    render();
  }

  const ACTIONS = {
    raise: {
      label: 'hand.raise', testid: 'raise-hand',
      who: (a) => !queuePosition(snap, a.id) && !isSpeaking(a) && !speechesUsedUp(snap, a.id),
      run: (a) => act('raiseHand', { attendeeId: a.id }),
    },
    withdraw: {
      label: 'hand.withdraw', testid: 'withdraw-hand',
      who: (a) => !!queuePosition(snap, a.id),
      run: (a) => act('withdrawHand', { attendeeId: a.id }),
    },
    vote: {
      label: 'shared.vote', testid: 'vote-start',
      who: (a) => ballotsDue(snap, [a]).length > 0,
      run: (a) => { mode = { action: 'vote', attendeeId: a.id }; render(); },
    },
    checkout: {
      label: 'checkout.button', testid: 'checkout',
      who: () => true,
      run: (a) => act('checkOut', { attendeeId: a.id }),
    },
  };

  function isSpeaking(a) {
    const floor = floorOf(snap);
    return !!floor && floor.attendeeId === a.id;
  }

  function statusOf(a) {
    if (isSpeaking(a)) return t('status.speaking');
    const n = queuePosition(snap, a.id);
    if (n) return t('status.queued', { n });
    const vote = openVote(snap);
    if (vote && hasVoted(snap, vote.id, a.id)) return t('status.voted');
    if (speechesUsedUp(snap, a.id)) return t('status.usedUp');
    return '';
  }

  function availableActions() {
    const m = meetingOf(snap);
    if (!m || m.status !== 'OPEN') return ['checkout'];
    return openVote(snap) ? ['raise', 'withdraw', 'vote', 'checkout'] : ['raise', 'withdraw', 'checkout'];
  }

  async function pick(actionName, attendee) {
    const action = ACTIONS[actionName];
    if (actionName === 'vote') {
      action.run(attendee);
      return;
    }
    await action.run(attendee);
    goHome();
  }

  /** Everyone here who could raise a hand has used up 限次 on this matter. */
  function allUsedUp(mine) {
    const idle = mine.filter((a) => !queuePosition(snap, a.id) && !isSpeaking(a));
    return idle.length > 0 && idle.every((a) => speechesUsedUp(snap, a.id));
  }

  function buildHome(mine) {
    const usedUp = allUsedUp(mine);
    const buttons = availableActions().filter((name) => !(usedUp && name === 'raise')).map((name) => h('button', {
      class: name === 'raise' ? 'btn btn-primary' : 'btn btn-secondary',
      testid: ACTIONS[name].testid,
      onclick: () => { mode = { action: name, step: 'who' }; render(); },
    }, t(ACTIONS[name].label)));
    buttons.push(h('button', { class: 'btn btn-secondary', testid: 'checkin-more', onclick: onCheckInMore }, t('shared.more')));
    if (mine.length === 0) return h('div', { class: 'row' }, buttons.slice(-1));
    const meetingOpen = availableActions().includes('raise');
    return [
      usedUp && meetingOpen ? h('p', { class: 'hand-limit', testid: 'hand-limit' }, t('hand.usedUpHere')) : null,
      h('div', { class: 'row actions' }, buttons),
    ];
  }

  // A vote is open and some here have not voted: they come first, each taps their own name.
  function buildBallotsDue(due) {
    const vote = openVote(snap);
    return [
      h('h1', { class: 'who-title', testid: 'vote-due-title' }, t('shared.voteNow')),
      h('p', { class: 'vote-motion' }, t('vote.title', { motion: vote.motion })),
      h('div', { class: 'name-grid' }, due.map((a) => h('button', {
        class: 'btn btn-name', testid: `who-${a.id}`, onclick: () => pick('vote', a),
      }, a.name))),
    ];
  }

  function buildWho(mine) {
    const action = ACTIONS[mode.action];
    const who = mine.filter(action.who);
    return [
      h('h1', { class: 'who-title', testid: 'who-title' }, t('shared.who')),
      h('p', { class: 'who-action', testid: 'who-action' }, t(action.label)),
      who.length === 0
        ? h('p', { class: 'status-text' }, t('shared.nobody'))
        : h('div', { class: 'name-grid' }, who.map((a) => h('button', {
          class: 'btn btn-name', testid: `who-${a.id}`, onclick: () => pick(mode.action, a),
        }, a.name))),
      h('button', { class: 'btn btn-secondary', testid: 'who-cancel', onclick: goHome }, t('shared.cancel')),
    ];
  }

  function buildVoting() {
    return h('button', { class: 'btn btn-secondary', testid: 'shared-done', onclick: goHome }, t('shared.done'));
  }

  function renderPeople(mine, hidden) {
    const rows = mine.map((a) => [a.id, a.name, a.kind, statusOf(a)]);
    renderKeyed(people, JSON.stringify([hidden ? 'hidden' : 'home', rows]), () => {
      if (hidden) return [];
      if (mine.length === 0) return h('p', { class: 'status-text', testid: 'shared-none' }, t('shared.none'));
      return [
        h('h1', {}, t('shared.title')),
        h('ul', { class: 'people-list' }, rows.map(([id, name, kind, status]) => h('li', { class: 'person', testid: `person-${id}` },
          h('span', { class: 'person-name' }, name),
          h('span', { class: 'person-kind' }, t(`kind.${kind}`)),
          h('span', { class: 'person-status' }, status)))),
      ];
    });
  }

  function render() {
    if (!snap) return;
    const mine = onKiosk(snap, deviceId);
    // Leave a step whose vote closed or whose person left meanwhile.
    if (mode && mode.action === 'vote' && !openVote(snap)) mode = null;
    const voter = mode && mode.attendeeId ? mine.find((a) => a.id === mode.attendeeId) : null;
    if (mode && mode.attendeeId && !voter) mode = null;
    // A vote that opens while someone here is still to vote closes any other picker.
    if (mode && mode.action !== 'vote' && ballotsDue(snap, mine).length > 0) mode = null;
    meetingLine.update(snap);
    const floor = floorOf(snap);
    const speaker = floor && mine.find((a) => a.id === floor.attendeeId);
    const timeUp = heldTimeUp();
    clock.update(speaker ? floor : null, speaker ? speaker.name : null,
      timeUp && mine.some((a) => a.id === timeUp.attendeeId) ? timeUp : null);
    const due = !mode ? ballotsDue(snap, mine) : [];
    el.classList.toggle('ballot-first', due.length > 0 || !!voter);
    renderPeople(mine, !!mode || due.length > 0);
    voterHello.hidden = !voter;
    voterHello.textContent = voter ? t('personal.hello', { name: voter.name }) : '';
    const key = JSON.stringify([mode, mine.map((a) => a.id), mode && mode.step === 'who' ? mine.filter(ACTIONS[mode.action].who).map((a) => a.id) : null,
      availableActions(), due.map((a) => a.id), allUsedUp(mine)]);
    renderKeyed(body, key, () => {
      if (due.length > 0) return buildBallotsDue(due);
      return !mode ? buildHome(mine) : mode.step === 'who' ? buildWho(mine) : buildVoting();
    });
    votePanel.update(snap, voter ? voter.id : null, voter);
    if (voter && votePanel.isCounted(snap, voter.id) && !homeTimer) {
      homeTimer = setTimeout(() => { homeTimer = null; goHome(); }, BACK_HOME_AFTER_VOTE_MS);
    }
  }

  return {
    el,
    tick: () => clock.tick(),
    update(nextSnap) {
      snap = nextSnap;
      render();
    },
    /** A picker, a ballot or a question is open. */
    away: () => !!mode,
    home: goHome,
  };
}
