// Read-only lookups into a room snapshot (docs/API.md). They only find what the server said;
// no meeting rule is decided here.

export function meetingOf(snap) {
  return (snap && snap.meeting) || null;
}

export function currentMatter(snap) {
  const m = meetingOf(snap);
  if (!m || m.currentMatter == null || !Array.isArray(m.agenda)) return null;
  return m.agenda[m.currentMatter] || null;
}

export function queueOf(snap) {
  const m = meetingOf(snap);
  return (m && m.queue) || [];
}

/** 1-based place of the attendee in the queue, or null. */
export function queuePosition(snap, attendeeId) {
  const i = queueOf(snap).findIndex((e) => e.attendeeId === attendeeId);
  return i < 0 ? null : i + 1;
}

export function floorOf(snap) {
  const m = meetingOf(snap);
  return (m && m.floor) || null;
}

export function voteOf(snap) {
  const m = meetingOf(snap);
  return (m && m.vote) || null;
}

export function openVote(snap) {
  const v = voteOf(snap);
  return v && v.status === 'OPEN' ? v : null;
}

/** The tally of the given vote, or null. */
export function tallyOf(snap, voteId) {
  const t = snap && snap.tally;
  return t && t.voteId === voteId ? t : null;
}

export function hasVoted(snap, voteId, attendeeId) {
  const t = tallyOf(snap, voteId);
  return !!(t && Array.isArray(t.voters) && t.voters.includes(attendeeId));
}

export function attendeesOf(snap) {
  return (snap && snap.attendees) || [];
}

export function attendeeById(snap, id) {
  return attendeesOf(snap).find((a) => a.id === id) || null;
}

/** Attendees checked in on the given kiosk. */
export function onKiosk(snap, deviceId) {
  return attendeesOf(snap).filter((a) => a.checkedIn && a.kioskId === deviceId);
}
