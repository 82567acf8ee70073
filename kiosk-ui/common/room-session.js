// The flow every page of a room shares: connect, say hello to learn who we are, listen to
// room.<id>.state, and ask for a fresh snapshot after every (re)connect. Pages only render what
// this hands them; they never change state themselves.

import { EventBus } from './eventbus.js';
import { syncServerTime } from './clock.js';

const CMD_ADDRESS = 'room.cmd';
const RETRY_MS = 2000;
const FINAL_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']; // retrying cannot help

export const stateAddress = (roomId) => `room.${roomId}.state`;
export const tallyAddress = (roomId) => `room.${roomId}.tally`;

/**
 * options:
 *  token()               the credential for frame headers (may return null)
 *  resolveRoom(identity) → roomId | null | Promise of one (null: stop, nothing to show)
 *  onIdentity(identity), onSnapshot(snapshot), onConnection('open'|'closed'), onError(BusError)
 *  liveTally             true for pages that show an open vote's running tally (displays, hosts)
 * Returns {bus, stop(), command(action, params), identity(), roomId(), snapshot(), refresh()}.
 */
export function startRoomSession(options) {
  const { token, resolveRoom = (id) => id.roomId || null } = options;
  let stopped = false;
  const notify = (name, ...args) => !stopped && options[name] && options[name](...args);
  const bus = new EventBus({ url: '/eventbus', headers: () => (token() ? { auth: token() } : {}) });

  let identity = null;
  let roomId = null;
  let current = null;
  let missingAttendees = false; // shown without a list since a pushed snapshot left it out
  let baseline = null; // the last snapshot accepted on this connection; order is checked against it
  let generation = 0;
  let retryTimer = null;
  const bestTally = new Map(); // voteId → {cast, counts}: a page keeps the highest cast it has seen

  bus.onStateChange((state) => notify('onConnection', state));
  bus.onError((err) => notify('onError', err));
  bus.onOpen(() => sync());

  async function sync() {
    clearTimeout(retryTimer);
    const gen = ++generation;
    baseline = null; // a fresh connection (maybe to a restarted server) starts a fresh order
    try {
      const hello = await bus.request(CMD_ADDRESS, { action: 'hello' });
      if (gen !== generation) return;
      syncServerTime(hello.serverTime);
      identity = hello.identity || { type: 'anonymous' };
      notify('onIdentity', identity);
      if (!roomId) roomId = await resolveRoom(identity);
      if (!roomId || gen !== generation) return;
      subscribeOnce();
      await refresh(gen);
    } catch (err) {
      if (gen !== generation) return;
      notify('onError', err);
      if (!FINAL_CODES.includes(err.code) && bus.state === 'open') {
        retryTimer = setTimeout(sync, RETRY_MS);
      }
    }
  }

  let subscribed = false;
  function subscribeOnce() {
    if (subscribed) return;
    subscribed = true;
    bus.subscribe(stateAddress(roomId), onStateMessage);
    // the running tally of an open vote comes on its own address, to the pages that show it
    if (options.liveTally) bus.subscribe(tallyAddress(roomId), onStateMessage);
  }

  async function refresh(gen = generation) {
    const snap = await bus.request(CMD_ADDRESS, { action: 'snapshot', roomId });
    if (gen === generation) acceptSnapshot(snap);
  }

  function onStateMessage(body) {
    if (!body || typeof body !== 'object') return;
    if (body.kind === 'tally') acceptTally(body);
    else if (body.kind === 'snapshot') acceptSnapshot(body);
  }

  function isOlder(next, prev) {
    const a = next.meeting;
    const b = prev.meeting;
    if (a && b && a.id === b.id && a.version !== b.version) return a.version < b.version;
    return next.serverTime < prev.serverTime;
  }

  // The reply to `snapshot` and the published snapshots race; never let an older one win.
  function acceptSnapshot(received) {
    if (!received || typeof received !== 'object') return;
    if (baseline && isOlder(received, baseline)) {
      adoptMissingAttendees(received);
      return;
    }
    const snap = withAttendees(received);
    if (!received.attendeesOmitted) missingAttendees = false;
    baseline = snap;
    syncServerTime(snap.serverTime);
    current = { ...snap, tally: mergeTally(snap.tally) };
    notify('onSnapshot', current);
  }

  // A pushed snapshot leaves out the attendee list when it did not change: keep ours, or, having
  // none yet, ask for a whole snapshot.
  function withAttendees(snap) {
    if (!snap.attendeesOmitted) return snap;
    const sameMeeting = current && current.meeting && snap.meeting && current.meeting.id === snap.meeting.id;
    if (sameMeeting && Array.isArray(current.attendees)) return { ...snap, attendees: current.attendees };
    missingAttendees = true;
    refresh().catch(() => {});
    return { ...snap, attendees: [] };
  }

  // The whole snapshot asked for above may be older than the pushed one we show: its attendee
  // list is still the best there is until the next change brings one.
  function adoptMissingAttendees(full) {
    if (!missingAttendees || full.attendeesOmitted || !current || !Array.isArray(full.attendees)) return;
    missingAttendees = false;
    current = { ...current, attendees: full.attendees };
    notify('onSnapshot', current);
  }

  // Pushed snapshots never say who voted; a kiosk learns it of its own attendees in the reply to
  // its snapshot request, and keeps that list for the same vote.
  function mergeTally(received) {
    if (!received || !received.voteId) return received || null;
    const old = current && current.tally && current.tally.voteId === received.voteId ? current.tally : null;
    const tally = Array.isArray(received.voters) || !old ? received : { ...received, voters: old.voters };
    const best = bestTally.get(tally.voteId);
    if (best && best.cast > tally.cast) return { ...tally, cast: best.cast, counts: best.counts || tally.counts };
    bestTally.set(tally.voteId, { cast: tally.cast, counts: tally.counts });
    return tally;
  }

  function acceptTally(msg) {
    const best = bestTally.get(msg.voteId);
    if (best && msg.cast < best.cast) return;
    bestTally.set(msg.voteId, { cast: msg.cast, counts: msg.counts });
    syncServerTime(msg.serverTime);
    if (!current) return;
    const old = current.tally && current.tally.voteId === msg.voteId ? current.tally : null;
    const vote = current.meeting && current.meeting.vote;
    if (!old && !(vote && vote.id === msg.voteId)) return;
    const kept = old ? { voters: old.voters, entitled: old.entitled } : { voters: [] };
    current = { ...current, tally: { voteId: msg.voteId, cast: msg.cast, counts: msg.counts, ...kept } };
    notify('onSnapshot', current);
  }

  function command(action, params = {}) {
    const body = { action, ...params };
    if (roomId) body.roomId = roomId;
    return bus.request(CMD_ADDRESS, body);
  }

  /** Disconnects for good; nothing is reported after this. */
  function stop() {
    stopped = true;
    generation++;
    clearTimeout(retryTimer);
    bus.close();
  }

  return {
    bus,
    stop,
    command,
    refresh: () => refresh(),
    identity: () => identity,
    roomId: () => roomId,
    snapshot: () => current,
  };
}
