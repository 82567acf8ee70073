// The last playlist a board received, kept in localStorage so the board goes on showing notices
// when the server is down, also after a reload or a power cut.

const KEY = 'shangliang.display.playlist';

/** {deviceId, offsetMs, playlist} or null. */
export function loadPlaylist() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY));
    return saved && saved.playlist && Array.isArray(saved.playlist.notices) ? saved : null;
  } catch {
    return null;
  }
}

/** offsetMs: the server clock minus this clock when the playlist arrived. */
export function savePlaylist(deviceId, playlist, offsetMs) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ deviceId, offsetMs, playlist }));
  } catch {
    // storage full or refused: the board still works while connected
  }
}

export function forgetPlaylist() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}
