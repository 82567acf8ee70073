// The few HTTP calls the consoles make: sign in, sign out, list rooms, the sign-in alerts.

import { BusError } from '../common/eventbus.js';

async function call(path, { method = 'GET', token, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new BusError('OFFLINE', 'network error');
  }
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const code = (data && data.code) || (res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL');
    const err = new BusError(code, (data && data.message) || res.statusText, res.status);
    err.retryAfter = Number(res.headers.get('Retry-After')) || 0;
    throw err;
  }
  return data;
}

/**
 * → {token, name, role}; rejects with code UNAUTHENTICATED on a wrong password (or unknown name), or
 * LOGIN_THROTTLED with retryAfter (seconds) after too many failures. After the right password:
 * ACCOUNT_DISABLED, or PASSWORD_CHANGE_REQUIRED unless newPassword replaces it in the same request.
 */
export function login(username, password, newPassword) {
  const body = newPassword ? { username, password, newPassword } : { username, password };
  return call('/api/login', { method: 'POST', body });
}

export function logout(token) {
  return call('/api/logout', { method: 'POST', token }).catch(() => null);
}

/** Sign-in locks → {alerts: [{id, kind, account, name, address, failures, lockedUntil, lastAt, locks, seenAt, seenBy}], unseen} */
export function listAlerts(token) {
  return call('/api/alerts', { token });
}

export function markAlertSeen(token, id) {
  return call('/api/alerts/seen', { method: 'POST', token, body: { id } });
}

/** → [{id, name, meetingId}] */
export function listRooms(token) {
  return call('/api/rooms', { token });
}
