// Credentials arrive once in the URL (?token=…) and are kept in storage, so the address bar,
// bookmarks and screenshots never show them again. Each tab keeps its own copy (sessionStorage)
// so several kiosks tried in one browser stay apart; localStorage keeps it across a kiosk's reboot.

export const TOKEN_KEYS = {
  kiosk: 'shangliang.kiosk.token',
  display: 'shangliang.display.token',
  host: 'shangliang.host.token',
};

// Used only when localStorage is refused (private mode, locked-down kiosk browser).
const memory = new Map();
const memoryStorage = {
  getItem: (k) => (memory.has(k) ? memory.get(k) : null),
  setItem: (k, v) => memory.set(k, String(v)),
  removeItem: (k) => memory.delete(k),
};

function storage(kind = 'localStorage') {
  try {
    const s = window[kind];
    s.getItem('shangliang.probe');
    return s;
  } catch {
    return memoryStorage;
  }
}

/** Moves ?token= into localStorage under key, strips it from the address bar, returns the token (or null). */
export function takeToken(key) {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    saveToken(key, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return readToken(key);
}

export function readToken(key) {
  return storage('sessionStorage').getItem(key) || storage().getItem(key);
}

export function saveToken(key, token) {
  storage('sessionStorage').setItem(key, token);
  storage().setItem(key, token);
}

export function forgetToken(key) {
  storage('sessionStorage').removeItem(key);
  storage().removeItem(key);
}
