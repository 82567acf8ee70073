// Times as staff read and type them: in this PC's time zone, to the minute.

const pad = (n) => String(n).padStart(2, '0');
export const DAY_MS = 24 * 60 * 60 * 1000;

/** ms → "2025-11-28T09:30", the value of an <input type="datetime-local">. */
export function toLocalInput(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2025-11-28T09:30" (local time) → ms, or null when empty or not a date. */
export function fromLocalInput(value) {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** ms → "2025-11-28 09:30". */
export function formatDateTime(ms) {
  if (ms == null) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Now, to the minute (seconds would make the default start look odd in the form). */
export function thisMinute(now = Date.now()) {
  return Math.floor(now / 60000) * 60000;
}

/** 0.8333 → "83%"; null → null. */
export function formatRate(rate) {
  if (rate == null || !Number.isFinite(Number(rate))) return null;
  return `${Math.round(Number(rate) * 1000) / 10}%`;
}
