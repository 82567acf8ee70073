// The few HTTP calls the host console makes: sign in, sign out, list rooms.

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
    throw new BusError(code, (data && data.message) || res.statusText, res.status);
  }
  return data;
}

/** → {token, name, role}; rejects with code UNAUTHENTICATED on a wrong password. */
export function login(username, password) {
  return call('/api/login', { method: 'POST', body: { username, password } });
}

export function logout(token) {
  return call('/api/logout', { method: 'POST', token }).catch(() => null);
}

/** → [{id, name, meetingId}] */
export function listRooms(token) {
  return call('/api/rooms', { token });
}
