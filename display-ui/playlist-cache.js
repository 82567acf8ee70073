// The last playlist a board received, kept in localStorage so the board goes on showing notices
// when the server is down, also after a reload or a power cut. Kept per token: several boards
// tried in one browser share its storage, and each must find its own notices.

const PREFIX = 'shangliang.display.playlist';

/** A short, non-reversible name for a token (FNV-1a), so the storage key does not hold the token. */
export function cacheScope(token) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const keyOf = (scope) => `${PREFIX}.${scope}`;

/** {deviceId, offsetMs, playlist} or null. */
export function loadPlaylist(scope) {
  try {
    const saved = JSON.parse(localStorage.getItem(keyOf(scope)));
    return saved && saved.playlist && Array.isArray(saved.playlist.notices) ? saved : null;
  } catch {
    return null;
  }
}

/** offsetMs: the server clock minus this clock when the playlist arrived. */
export function savePlaylist(scope, deviceId, playlist, offsetMs) {
  try {
    localStorage.setItem(keyOf(scope), JSON.stringify({ deviceId, offsetMs, playlist }));
  } catch {
    // storage full or refused: the board still works while connected
  }
}

export function forgetPlaylist(scope) {
  try {
    localStorage.removeItem(keyOf(scope));
  } catch {
    // nothing kept
  }
}
