// The console's line to the server: console.cmd (and request.cmd for residents' requests) over our
// event-bus client. It says hello to learn who is signed in, and asks for a fresh overview after
// every (re)connect, after every change it makes and every 10 s (display status changes without any
// console command).

import { EventBus } from '../common/eventbus.js';
import { syncServerTime } from '../common/clock.js';

export const CONSOLE_ADDRESS = 'console.cmd';
export const REQUEST_ADDRESS = 'request.cmd';
const POLL_MS = 10000;
const RETRY_MS = 2000;
const FINAL_CODES = ['UNAUTHENTICATED', 'FORBIDDEN'];

/**
 * options: token(), onIdentity(identity), onOverview(overview), onConnection('open'|'closed'),
 * onError(BusError). Returns {command(action, params), query(action, params), request(action, params),
 * send(address, action, params), refresh(), stop()}.
 */
export function startConsoleSession(options) {
  const { token } = options;
  let stopped = false;
  const notify = (name, ...args) => !stopped && options[name] && options[name](...args);
  const bus = new EventBus({ url: '/eventbus', headers: () => (token() ? { auth: token() } : {}) });
  let asked = 0; // overview requests sent; only the newest answer is shown
  let shown = 0;
  let retryTimer = null;

  bus.onStateChange((state) => notify('onConnection', state));
  bus.onOpen(() => sync());
  const poll = setInterval(() => {
    if (bus.state === 'open') refresh().catch(() => {});
  }, POLL_MS);

  async function sync() {
    clearTimeout(retryTimer);
    try {
      const hello = await bus.request(CONSOLE_ADDRESS, { action: 'hello' });
      syncServerTime(hello.serverTime);
      notify('onIdentity', hello.identity || { type: 'anonymous' });
      await refresh();
    } catch (err) {
      notify('onError', err);
      if (!FINAL_CODES.includes(err.code) && bus.state === 'open' && !stopped) retryTimer = setTimeout(sync, RETRY_MS);
    }
  }

  async function refresh() {
    const n = ++asked;
    const overview = await bus.request(CONSOLE_ADDRESS, { action: 'overview' });
    if (n < shown || stopped) return;
    shown = n;
    if (overview) syncServerTime(overview.serverTime);
    notify('onOverview', overview);
  }

  /** Sends one console command; a successful one is followed by a fresh overview. */
  async function command(action, params = {}) {
    const reply = await bus.request(CONSOLE_ADDRESS, { action, ...params });
    refresh().catch((err) => notify('onError', err));
    return reply;
  }

  /** A read-only command (feedback, postings, resolutions): no overview afterwards. */
  function query(action, params = {}) {
    return bus.request(CONSOLE_ADDRESS, { action, ...params });
  }

  /** A command on request.cmd, with the same token; the requests tab refreshes itself afterwards. */
  function request(action, params = {}) {
    return bus.request(REQUEST_ADDRESS, { action, ...params });
  }

  /** A command on another console area's address (admin.cmd, community.cmd, member.cmd…), with the same token; no overview afterwards. */
  function send(address, action, params = {}) {
    return bus.request(address, { action, ...params });
  }

  function stop() {
    stopped = true;
    clearInterval(poll);
    clearTimeout(retryTimer);
    bus.close();
  }

  return { command, query, request, send, refresh, stop };
}
