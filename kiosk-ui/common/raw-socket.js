// The bridge's raw WebSocket (/eventbus/websocket) with the shape eventbus.js uses of a SockJS
// socket: onopen, onmessage, onclose, send, close, readyState, transport. The same JSON frames
// travel without SockJS's framing: the server writes each frame's bytes once, instead of escaping
// every character beyond ASCII into a JSON string per page (docs/BENCHMARKS.md, "The pages' own
// transport").
//
// A WebSocket can open through a proxy that then passes nothing, so the socket counts as open only
// once the bridge has answered its first ping with a pong (the server answers pings on this
// endpoint only: SockJS has heartbeats of its own). After that, whatever asks for an answer, a
// ping or a request, must hear something back within ANSWER_TIMEOUT_MS, or the connection is taken
// for dead and closed, which a half-open TCP connection would never say. A board never pings, but
// its heartbeat is a request; and the bridge answers any request within 15 s, if only to say the
// handler timed out (BridgeGuard's reply timeout).

export const RAW_TRANSPORT = 'raw-websocket';

const OPEN_TIMEOUT_MS = 5000;
const ANSWER_TIMEOUT_MS = 20000;
const PING = JSON.stringify({ type: 'ping' });

/** ws: or wss: address of the raw endpoint under the bridge's url ('/eventbus' or absolute). */
export function rawUrl(bridgeUrl) {
  const url = new URL(`${bridgeUrl.replace(/\/+$/, '')}/websocket`, globalThis.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export class RawSocket {
  /** openTimeoutMs: how long the first pong may take; answerTimeoutMs: how long any later answer. */
  constructor(bridgeUrl, { openTimeoutMs = OPEN_TIMEOUT_MS, answerTimeoutMs = ANSWER_TIMEOUT_MS } = {}) {
    this.answerTimeoutMs = answerTimeoutMs;
    this.transport = RAW_TRANSPORT;
    this.readyState = 0; // as SockJS: 0 connecting, 1 open, 3 closed
    /** Whether the bridge answered through it: a socket that never did is worth a fallback. */
    this.answered = false;
    this.onopen = null;
    this.onmessage = null;
    this.onclose = null;
    this.answerTimer = setTimeout(() => this.close(), openTimeoutMs);
    this.ws = new WebSocket(rawUrl(bridgeUrl));
    this.ws.binaryType = 'arraybuffer'; // the bridge writes its frames as binary messages
    this.ws.onopen = () => this.ws.send(PING);
    this.ws.onmessage = (e) => this.received(e.data);
    this.ws.onclose = () => this.closed();
  }

  send(text) {
    if (this.readyState !== 1) throw new Error('the raw socket is not open');
    this.ws.send(text);
  }

  /** After a ping or a request is sent: closes the socket unless something comes within answerTimeoutMs. */
  expectAnswer() {
    if (this.readyState !== 1 || this.answerTimer) return;
    this.answerTimer = setTimeout(() => this.close(), this.answerTimeoutMs);
  }

  close() {
    if (this.readyState === 3) return;
    try {
      this.ws.close(1000, 'no answer'); // the page's own choice, said as such
    } catch {
      // closing a socket that never opened: closed() below does the rest
    }
    this.closed();
  }

  received(data) {
    // Any frame proves the path works both ways, not only the pong it waits for.
    clearTimeout(this.answerTimer);
    this.answerTimer = null;
    this.answered = true;
    if (this.readyState === 0) {
      this.readyState = 1;
      if (this.onopen) this.onopen();
    }
    if (this.onmessage) this.onmessage({ data });
  }

  closed() {
    if (this.readyState === 3) return;
    this.readyState = 3;
    clearTimeout(this.answerTimer);
    this.answerTimer = null;
    this.ws.onopen = null;
    this.ws.onmessage = null;
    this.ws.onclose = null;
    if (this.onclose) this.onclose();
  }
}
