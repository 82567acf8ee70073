import { RawSocket, RAW_TRANSPORT } from './raw-socket.js';

// Our own client for the Vert.x SockJS event-bus bridge: request/reply with timeouts, remembered
// subscriptions that come back after every reconnect, and a reconnect loop that never gives up.
// It opens the bridge's raw WebSocket first (raw-socket.js): the lightest way for the server. When
// that cannot open, the same attempt goes on with SockJS, loaded by the page from /webjars/... and
// found as window.SockJS, which speaks WebSocket when it can and falls back to plain HTTP
// (xhr-streaming, then xhr-polling) when a proxy blocks WebSockets. A page can be held to one
// transport with ?transport=… in its address.

// A page pings only after this long with nothing sent: often enough for the bridge (it drops a
// socket silent for three of them, docs/API.md), rarely enough that 10,000 idle screens cost a
// node little. A board's heartbeat (every 30 s) comes sooner, so a board never pings.
// The server answers a ping on the raw WebSocket, and SockJS's own heartbeats come on its
// transports, so proxies see traffic in the other direction too.
const PING_INTERVAL_MS = 40000;
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 5000;
const DEFAULT_TIMEOUT_MS = 10000;

/** The transports a page may be held to (docs/API.md): the raw WebSocket, or one of SockJS's. */
export const TRANSPORTS = [RAW_TRANSPORT, 'websocket', 'xhr-streaming', 'xhr-polling'];

// Read once when the module loads: ?transport=xhr-polling holds every bus of the page to it.
const PAGE_TRANSPORT = (() => {
  try {
    const named = new URLSearchParams(globalThis.location ? globalThis.location.search : '').get('transport');
    return TRANSPORTS.includes(named) ? named : null;
  } catch {
    return null;
  }
})();

/** A failed request: code is one of API.md's error codes, or TIMEOUT / OFFLINE / ACCESS_DENIED. */
export class BusError extends Error {
  constructor(code, message, failureCode) {
    super(message || code);
    this.name = 'BusError';
    this.code = code;
    this.failureCode = failureCode;
  }
}

// The bridge refuses reply addresses longer than 36 characters, so use the UUID shape.
// crypto.randomUUID needs a secure context; getRandomValues works on plain http kiosks too.
function newReplyAddress() {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Turns an err frame into a BusError; the server puts {"code","message"} as JSON text in message. */
export function errorFromFrame(frame) {
  let code = null;
  let message = typeof frame.message === 'string' ? frame.message : '';
  try {
    const parsed = JSON.parse(frame.message);
    if (parsed && typeof parsed === 'object') {
      code = parsed.code || null;
      message = parsed.message || message;
    }
  } catch {
    // not JSON: a bridge-level failure, classified below
  }
  if (!code) {
    if (frame.failureType === 'TIMEOUT') code = 'TIMEOUT';
    else if (frame.failureType === 'NO_HANDLERS') code = 'OFFLINE';
    else if (frame.body === 'access_denied') code = 'ACCESS_DENIED';
    else code = 'INTERNAL';
  }
  return new BusError(code, message || String(frame.body || code), frame.failureCode);
}

function call(listeners, ...args) {
  for (const fn of listeners) {
    try {
      fn(...args);
    } catch (e) {
      console.error(e);
    }
  }
}

export class EventBus {
  /**
   * options: url ('/eventbus'), headers (function returning the headers every frame carries),
   * transport (one of TRANSPORTS; default: the page's ?transport=, else the raw WebSocket, then
   * whatever SockJS chooses),
   * pingAfterMs (how long a silence lasts before a ping; pages keep the default), raw (the raw
   * socket's openTimeoutMs and answerTimeoutMs, raw-socket.js; pages keep the defaults).
   */
  constructor({ url = '/eventbus', headers = () => ({}), transport = PAGE_TRANSPORT, pingAfterMs = PING_INTERVAL_MS, raw = {} } = {}) {
    this.url = url;
    this.rawTimeouts = raw;
    this.pingAfterMs = pingAfterMs;
    this.headers = headers;
    this.forcedTransport = TRANSPORTS.includes(transport) ? transport : null;
    // Cleared once the raw WebSocket failed where SockJS then opened (a proxy in the way): from
    // then on this page goes to SockJS at once instead of trying the raw socket at every reconnect.
    this.rawFirst = true;
    this.rawJustFailed = false;
    // 'connecting' until the first attempt ends, so a page loaded while the server is down hears
    // 'closed' (and shows its offline mark) instead of waiting silently for a first open.
    this.state = 'connecting';
    this.sock = null;
    this.subscriptions = new Map(); // address → Set of handlers
    this.pending = new Map(); // replyAddress → {resolve, reject, timer}
    this.stateListeners = [];
    this.openListeners = [];
    this.errorListeners = [];
    this.backoffMs = FIRST_BACKOFF_MS;
    this.pingTimer = null;
    this.reconnectTimer = null;
    this.stopped = false;
    this.connect();
  }

  /** Sends body to address and resolves with the reply body; rejects with a BusError. */
  request(address, body, { timeout = DEFAULT_TIMEOUT_MS } = {}) {
    if (this.state !== 'open') return Promise.reject(new BusError('OFFLINE', 'not connected'));
    const replyAddress = newReplyAddress();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(replyAddress);
        reject(new BusError('TIMEOUT', 'no reply in time'));
      }, timeout);
      this.pending.set(replyAddress, { resolve, reject, timer });
      if (!this.write({ type: 'send', address, body, replyAddress })) {
        this.settle(replyAddress, null, new BusError('OFFLINE', 'not connected'));
      } else if (this.sock.expectAnswer) {
        this.sock.expectAnswer();
      }
    });
  }

  /** handler(body, frame) for every message on address, across reconnects; returns an unsubscribe function. */
  subscribe(address, handler) {
    let handlers = this.subscriptions.get(address);
    if (!handlers) {
      handlers = new Set();
      this.subscriptions.set(address, handlers);
      if (this.state === 'open') this.write({ type: 'register', address });
    }
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
      if (handlers.size === 0 && this.subscriptions.get(address) === handlers) {
        this.subscriptions.delete(address);
        if (this.state === 'open') this.write({ type: 'unregister', address });
      }
    };
  }

  /** fn('open' | 'closed') on every change of connection state (the first attempt's end included). */
  onStateChange(fn) {
    this.stateListeners.push(fn);
  }

  /** fn() after every (re)connect, once the subscriptions have been registered again. */
  onOpen(fn) {
    this.openListeners.push(fn);
  }

  /** fn(BusError) for err frames that belong to no request (e.g. a refused register). */
  onError(fn) {
    this.errorListeners.push(fn);
  }

  /** The transport of the open connection ('raw-websocket', 'websocket', 'xhr-streaming', …), or null. */
  get transport() {
    return (this.state === 'open' && this.sock && this.sock.transport) || null;
  }

  /** Closes the connection for good. */
  close() {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    if (this.sock) this.sock.close();
  }

  connect(raw = this.forcedTransport === RAW_TRANSPORT || (!this.forcedTransport && this.rawFirst)) {
    this.reconnectTimer = null;
    if (this.stopped) return;
    let sock;
    try {
      sock = raw ? new RawSocket(this.url, this.rawTimeouts) : this.openSockJs();
    } catch (e) {
      console.warn('event bus:', e.message);
      this.setState('closed');
      this.scheduleReconnect();
      return;
    }
    this.sock = sock;
    sock.onopen = () => sock === this.sock && this.handleOpen();
    sock.onclose = () => sock === this.sock && (this.fellBack(sock) || this.handleClose());
    sock.onmessage = (e) => sock === this.sock && this.handleFrame(e.data);
  }

  openSockJs() {
    const SockJS = globalThis.SockJS;
    if (!SockJS) throw new Error('SockJS is not loaded');
    const forced = this.forcedTransport && this.forcedTransport !== RAW_TRANSPORT ? this.forcedTransport : null;
    return new SockJS(this.url, null, forced ? { transports: [forced] } : {});
  }

  /**
   * A raw WebSocket that closed before the bridge answered through it goes on to SockJS in the
   * same attempt; answers whether it did. When the server is down, SockJS fails too and the
   * ordinary reconnect loop follows.
   */
  fellBack(sock) {
    if (sock.transport !== RAW_TRANSPORT || sock.answered || this.forcedTransport || this.stopped) return false;
    this.sock = null;
    this.rawJustFailed = true;
    this.connect(false);
    return true;
  }

  scheduleReconnect() {
    if (this.stopped || this.reconnectTimer) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  handleOpen() {
    this.backoffMs = FIRST_BACKOFF_MS;
    if (this.rawJustFailed && this.sock.transport !== RAW_TRANSPORT) this.rawFirst = false;
    this.rawJustFailed = false;
    // The raw socket's opening ping has been answered already; SockJS's session hears its first here.
    if (this.sock.transport === RAW_TRANSPORT) this.pingAfterSilence(this.sock);
    else this.write({ type: 'ping' });
    for (const address of this.subscriptions.keys()) this.write({ type: 'register', address });
    this.setState('open');
    call(this.openListeners);
  }

  handleClose() {
    clearTimeout(this.pingTimer);
    this.pingTimer = null;
    this.sock = null;
    this.rawJustFailed = false;
    // Replies to requests sent on the lost socket can never arrive.
    for (const replyAddress of [...this.pending.keys()]) {
      this.settle(replyAddress, null, new BusError('OFFLINE', 'connection lost'));
    }
    this.setState('closed');
    this.scheduleReconnect();
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    call(this.stateListeners, state);
  }

  write(frame) {
    const sock = this.sock;
    if (!sock || sock.readyState !== 1) return false;
    try {
      sock.send(JSON.stringify({ ...frame, headers: this.headers() || {} }));
      this.pingAfterSilence(sock);
      return true;
    } catch (e) {
      console.warn('event bus: send failed', e);
      return false;
    }
  }

  /** Every frame sent tells the server the page is there; a ping follows only a silence. */
  pingAfterSilence(sock) {
    clearTimeout(this.pingTimer);
    this.pingTimer = setTimeout(() => {
      if (sock === this.sock && this.write({ type: 'ping' }) && sock.expectAnswer) sock.expectAnswer();
    }, this.pingAfterMs);
  }

  handleFrame(data) {
    let frame;
    try {
      frame = typeof data === 'string' ? JSON.parse(data) : JSON.parse(new TextDecoder().decode(data));
    } catch {
      return;
    }
    if (!frame || typeof frame !== 'object') return;
    if (frame.type === 'rec') this.handleRec(frame);
    else if (frame.type === 'err') this.handleErr(frame);
  }

  handleRec(frame) {
    const body = typeof frame.body === 'string' ? parseMaybe(frame.body) : frame.body;
    if (this.pending.has(frame.address)) {
      this.settle(frame.address, body, null);
      return;
    }
    const handlers = this.subscriptions.get(frame.address);
    if (handlers) call([...handlers], body, frame);
  }

  handleErr(frame) {
    const error = errorFromFrame(frame);
    if (frame.address && this.pending.has(frame.address)) this.settle(frame.address, null, error);
    else call(this.errorListeners, error);
  }

  settle(replyAddress, body, error) {
    const p = this.pending.get(replyAddress);
    if (!p) return;
    this.pending.delete(replyAddress);
    clearTimeout(p.timer);
    if (error) p.reject(error);
    else p.resolve(body);
  }
}

function parseMaybe(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
