// The pairing screen of a new kiosk or display: it asks the server for a 6-digit code, shows it
// large, and waits until an administrator types the code into the console. It then learns its
// device token and the page it is to be (a kiosk, a room's display, a notice board), and opens it.
// The page strings come from the page's own messages (pairing.*).

import { h, replace } from './dom.js';

const POLL_MS = 3000;
const RETRY_MS = 5000;

async function getJson(url, init) {
  const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin', ...init });
  const body = await response.json().catch(() => ({}));
  return { status: response.status, body, retryAfter: Number(response.headers.get('Retry-After')) || 0 };
}

/** Only a page of ours, by path: what the server names is never a page elsewhere. */
export function isOwnPage(url) {
  return typeof url === 'string' && /^\/(kiosk|display)\/\?[A-Za-z0-9_=&.-]+$/.test(url);
}

/**
 * Shows the pairing screen in el; once paired, opens the page the server named or, lacking one,
 * calls onPaired(token). Returns stop().
 */
export function startPairing(el, t, { onPaired }) {
  const code = h('div', { class: 'pairing-code', testid: 'pairing-code', 'aria-live': 'polite' });
  const status = h('div', { class: 'pairing-status', testid: 'pairing-status' }, t('pairing.waiting'));
  replace(el, h('main', { class: 'pairing', testid: 'pairing' },
    h('div', { class: 'pairing-label' }, t('pairing.title')),
    code,
    h('div', { class: 'pairing-instructions' }, t('pairing.instructions')),
    h('div', { class: 'pairing-steps' }, t('pairing.steps')),
    status));

  let stopped = false;
  let timer = null;
  let pairing = null; // {code, secret, expiresAt}
  let lifetime = '';
  const later = (fn, ms) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(fn, ms);
  };

  async function newCode() {
    pairing = null;
    try {
      const answer = await getJson('/api/pairings', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
      });
      if (answer.status !== 200 && answer.status !== 201) throw answer;
      pairing = answer.body;
      code.textContent = String(pairing.code || '');
      code.dataset.code = String(pairing.code || '');
      // This clock may be wrong: the lifetime is only told, the server decides when the code is over.
      const minutes = Math.round((pairing.expiresAt - Date.now()) / 60000);
      lifetime = minutes >= 1 && minutes <= 60 ? t('pairing.expires', { minutes }) : '';
      status.textContent = lifetime;
      later(poll, POLL_MS);
    } catch (failure) {
      code.textContent = '';
      status.textContent = t('pairing.failed');
      later(newCode, failure && failure.retryAfter ? failure.retryAfter * 1000 : RETRY_MS);
    }
  }

  function paired(body) {
    status.textContent = t('pairing.done');
    stopped = true;
    if (isOwnPage(body.url)) location.replace(body.url);
    else onPaired(body.token);
  }

  async function poll() {
    if (!pairing) return newCode();
    try {
      const answer = await getJson(`/api/pairings/${encodeURIComponent(pairing.secret)}`);
      if (stopped) return;
      if (answer.status === 200 && answer.body.state === 'PAIRED' && answer.body.token) {
        paired(answer.body);
        return;
      }
      if (answer.status === 429 || answer.status >= 500) {
        later(poll, answer.retryAfter ? answer.retryAfter * 1000 : POLL_MS);
      } else if (answer.status === 200 && answer.body.state === 'WAITING') {
        status.textContent = lifetime;
        later(poll, POLL_MS);
      } else {
        newCode(); // expired or forgotten by the server (PAIRING_UNKNOWN): a fresh code
      }
    } catch {
      status.textContent = t('pairing.failed');
      later(poll, POLL_MS);
    }
  }

  newCode();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
