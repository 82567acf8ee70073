// The moments an attendee must not miss, read from successive snapshots: a speech given to
// someone, a vote opened, and a speech that ran out by itself. The server ends a speech whose time
// is up (speechExpired) and its floor disappears from the snapshot; a floor that disappears with
// no time left ended that way, and 发言时间到 is then held on screen for a few seconds instead of
// the countdown jumping straight to nothing.

import { floorOf, openVote } from '../common/snapshot.js';
import { remainingMs } from '../common/clock.js';

export const TIME_UP_HOLD_MS = 4000;
const ENDED_BY_CLOCK_MS = 1500; // time left on the last floor seen: the clock, not the host, ended it

let seen = null; // {floor, voteId} of the last snapshot
let timeUp = null; // {speechId, attendeeId, name, until}

/**
 * Compares a snapshot with the one before; answers what began or ended in between:
 * {speechStarted: floor|null, voteOpened: vote|null, timeUp: record|null}. The first snapshot a
 * page sees starts nothing (a kiosk reloaded mid-vote does not announce it again).
 */
export function observe(snap, onHoldEnd) {
  const floor = floorOf(snap);
  const vote = openVote(snap);
  const moments = { speechStarted: null, voteOpened: null, timeUp: null };
  if (seen) {
    const last = seen.floor;
    if (floor && (!last || last.speechId !== floor.speechId)) moments.speechStarted = floor;
    if (vote && vote.id !== seen.voteId) moments.voteOpened = vote;
    if (last && (!floor || floor.speechId !== last.speechId) && last.pausedAt == null
        && remainingMs(last) <= ENDED_BY_CLOCK_MS) {
      timeUp = { speechId: last.speechId, attendeeId: last.attendeeId, name: last.name, until: Date.now() + TIME_UP_HOLD_MS };
      moments.timeUp = timeUp;
      const ending = timeUp;
      setTimeout(() => { if (timeUp === ending) { timeUp = null; onHoldEnd(); } }, TIME_UP_HOLD_MS + 50);
    }
  }
  seen = { floor, voteId: vote ? vote.id : null };
  return moments;
}

/** The speech that ran out a moment ago, while 发言时间到 is held; else null. */
export function heldTimeUp() {
  return timeUp && Date.now() < timeUp.until ? timeUp : null;
}
