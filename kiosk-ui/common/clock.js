// The server's clock as seen from this page: every snapshot carries serverTime, and countdowns
// run against it so a kiosk with a wrong clock still shows the right time left.

let offsetMs = 0;

/** Call with the serverTime of each snapshot (or tally) as it arrives. */
export function syncServerTime(serverTime) {
  if (typeof serverTime === 'number' && Number.isFinite(serverTime)) offsetMs = serverTime - Date.now();
}

export function serverNow() {
  return Date.now() + offsetMs;
}

/** Milliseconds left for a floor (never negative); 0 when there is no floor. */
export function remainingMs(floor) {
  if (!floor) return 0;
  const left = floor.pausedAt != null ? floor.remainingMs : floor.endsAt - serverNow();
  return Math.max(0, Number(left) || 0);
}

/** 185000 → "03:05"; whole seconds are rounded up so "00:00" means the time is really over. */
export function formatMmSs(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const mm = Math.floor(total / 60);
  const ss = total % 60;
  return `${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}

/** The server's wall time as "HH:MM:SS" in this page's time zone. */
export function formatClock(ms = serverNow()) {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Runs fn every 250 ms (countdowns and clocks); returns a stop function. */
export function everyQuarterSecond(fn) {
  fn();
  const id = setInterval(fn, 250);
  return () => clearInterval(id);
}

/** When a meeting is planned, as people say it: "12月8日 周二 19:00" (the page's language). */
export function formatPlannedTime(ms, lang = document.documentElement.lang || 'zh-CN') {
  if (ms == null) return '';
  return new Intl.DateTimeFormat(lang, {
    month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(ms));
}
