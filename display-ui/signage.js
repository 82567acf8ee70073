// A notice board: the notices of its playlist that are active now, one at a time, about 10 s
// each; a new notice at once; an urgent one over everything until a playlist without it comes.
// When the grid's requests moved lately, their progress (实时晒单) takes a turn as well, at once
// when it changes. A corner code lets passers-by file a request. It renders what the server sent
// and reports back which notices it showed. A notice too long for one screen is paged: each page
// gets a full turn. The staff console's preview runs this same screen with one notice (preview()).

import { h, replace } from '/common/dom.js';
import { serverNow, syncServerTime, formatClock } from '/common/clock.js';
import { createConnectionMark } from '/common/notice.js';
import { createNoticeCard, fitNoticeCard, showNoticePage } from './notice-card.js';
import { createProgressBoard, fitProgressBoard } from './progress-board.js';
import { loadPlaylist, savePlaylist } from './playlist-cache.js';

export const SIGNAGE_CMD = 'signage.cmd';
/** The stylesheets of a board screen, as index.html links them; the console's preview loads the same. */
export const BOARD_STYLESHEETS = ['/display/display.css', '/display/notice-card.css', '/display/signage.css', '/display/progress-board.css'];
export const playlistAddress = (displayId) => `display.${displayId}.signage`;

const DWELL_MS = 10000;
const DEFAULT_HEARTBEAT_SECONDS = 30;
const MAX_SHOWN = 50; // API.md: a heartbeat lists at most 50 notices

const PROGRESS_ID = 'progress'; // the progress page's place in the rotation; never a notice id
const PROGRESS_PAGE = { id: PROGRESS_ID };

const isActive = (n, now) => n.startsAt <= now && now < n.endsAt;
const progressOf = (playlist) => (playlist && Array.isArray(playlist.progress) ? playlist.progress : []);
const reportSrcOf = (playlist) => (playlist && playlist.reportToken
  ? `/qr/${encodeURIComponent(playlist.reportToken)}.svg` : null);
const qrSrcOf = (playlist, id) => {
  const token = playlist && playlist.qr && playlist.qr[id];
  return token ? `/qr/${encodeURIComponent(token)}.svg` : null;
};

/**
 * The board's screen; start with showCached(), then attach(bus, identity) once hello has answered.
 * scope names the kept playlist (cacheScope of the token); view is the window whose size it follows.
 */
export function createSignage(t, { scope, onMedia = () => {}, view = window } = {}) {
  const gridName = h('div', { class: 'grid-name', testid: 'grid-name' });
  const displayName = h('div', { class: 'display-name', testid: 'display-name' });
  const clock = h('div', { class: 'clock', testid: 'clock' });
  const reportImg = h('img', { alt: t('report.qr'), width: 200, height: 200 });
  const reportQr = h('figure', { class: 'report-qr', testid: 'report-qr', hidden: true },
    h('figcaption', {}, t('report.qr')), reportImg);
  const offline = createConnectionMark({ testid: 'offline', text: t('offline'), className: 'offline signage-offline' });
  const stage = h('main', { class: 'signage-stage' });
  const urgentLayer = h('section', { class: 'urgent-layer', testid: 'urgent', hidden: true },
    h('div', { class: 'urgent-band' }, t('signage.urgent')));
  const el = h('div', { class: 'signage' },
    h('header', { class: 'signage-top' }, h('div', { class: 'signage-names' }, gridName, displayName), clock, reportQr),
    stage, urgentLayer, offline.el);

  let deviceId = null;
  let playlist = null;
  let seen = new Set(); // every notice id this board has had in a playlist
  let pendingNew = []; // new ids to show at once, in playlist order
  let current = null; // {id, key, since, urgent}
  const shown = new Set();
  let bus = null;
  let heartbeatTimer = null;
  let heartbeatSeconds = 0;
  let previewing = false; // the console's preview: one notice, no rotation
  const ticker = setInterval(tick, 1000);
  const shownCard = () => el.querySelector('[data-testid="signage-notice"]');
  // Type is fitted to the box: again when the screen turns or the fonts arrive.
  const refit = () => {
    const progress = stage.querySelector('[data-testid="progress-board"]');
    if (progress) fitProgressBoard(progress);
    const card = shownCard();
    if (!card) return;
    const pages = fitNoticeCard(card);
    if (current) current.pages = pages;
    turnPage(Date.now());
  };
  view.addEventListener('resize', refit);
  if (document.fonts) document.fonts.ready.then(refit);

  /** A paged card shows the page its time has come to: a full turn (DWELL_MS) each. */
  function turnPage(now) {
    const card = shownCard();
    const pages = card ? Number(card.dataset.pages || 1) : 1;
    if (!current || pages < 2) return;
    const page = Math.floor((now - current.since) / DWELL_MS) % pages;
    if (card.dataset.page !== String(page + 1)) showNoticePage(card, page);
  }

  function accept(next, { live }) {
    if (!next || next.type !== 'playlist' || !Array.isArray(next.notices)) return;
    if (live && playlist && typeof next.serverTime === 'number' && next.serverTime < playlist.serverTime
        && playlist.live) return; // a reply overtaken by a newer push
    if (live) syncServerTime(next.serverTime);
    const fresh = next.notices.filter((n) => !seen.has(n.id)).map((n) => n.id);
    // Progress that changed shows next, like a new notice (实时晒单: real time).
    const moved = progressOf(next).length > 0 && JSON.stringify(progressOf(next)) !== JSON.stringify(progressOf(playlist));
    if (moved && !fresh.includes(PROGRESS_ID)) fresh.push(PROGRESS_ID);
    if (playlist) pendingNew = [...pendingNew.filter((id) => !fresh.includes(id)), ...fresh];
    next.notices.forEach((n) => seen.add(n.id));
    playlist = { ...next, live };
    gridName.textContent = (next.grid && next.grid.name) || '';
    displayName.textContent = (next.display && next.display.name) || '';
    showReportQr(reportSrcOf(next));
    if (live) {
      savePlaylist(scope, deviceId, next, next.serverTime - Date.now());
      scheduleHeartbeat(next.heartbeatSeconds);
    }
    onMedia(mediaUrls(next));
    tick(true);
  }

  function pool(now) {
    const active = playlist ? playlist.notices.filter((n) => isActive(n, now)) : [];
    const urgent = active.filter((n) => n.urgent);
    if (urgent.length) return { notices: urgent, urgent: true };
    return { notices: progressOf(playlist).length ? [...active, PROGRESS_PAGE] : active, urgent: false };
  }

  function showReportQr(src) {
    reportQr.hidden = !src;
    if (src && reportImg.getAttribute('src') !== src) reportImg.src = src;
  }

  function choose(now, { notices }) {
    const fresh = pendingNew.map((id) => notices.find((n) => n.id === id)).find(Boolean);
    if (fresh) {
      pendingNew = pendingNew.filter((id) => id !== fresh.id);
      return fresh;
    }
    const at = current ? notices.findIndex((n) => n.id === current.id) : -1;
    const slot = DWELL_MS * (current && current.pages > 1 ? current.pages : 1);
    if (at >= 0 && (now - current.since < slot || notices.length === 1)) return notices[at];
    if (at >= 0) return notices[(at + 1) % notices.length];
    // The shown notice left the pool: carry on with the one that followed it in the old order.
    return notices.find((n) => current && playlist.notices.indexOf(n) > current.order) || notices[0];
  }

  function tick(changed = false) {
    const now = Date.now();
    clock.textContent = formatClock();
    if (previewing) {
      turnPage(now);
      return;
    }
    const p = pool(serverNow());
    if (p.notices.length === 0) {
      if (current !== null || changed) showEmpty();
      return;
    }
    const notice = choose(now, p);
    const shownData = notice === PROGRESS_PAGE ? [progressOf(playlist), playlist.progressCounts, gridName.textContent] : notice;
    const key = JSON.stringify([shownData, qrSrcOf(playlist, notice.id), p.urgent, displayName.textContent]);
    if (current && current.id === notice.id && current.key === key) {
      turnPage(now);
      return;
    }
    // the same notice drawn again (its QR or the board's name changed) keeps its time and its pages,
    // so its slot is not cut short before the new card is fitted
    const same = current && current.id === notice.id;
    current = { id: notice.id, key, since: same ? current.since : now, order: playlist.notices.indexOf(notice),
      pages: same ? current.pages : 1 };
    if (notice === PROGRESS_PAGE) {
      showProgress();
      return;
    }
    shown.add(notice.id);
    showCard(notice, p.urgent);
    // staff want to see at once that an urgent notice took the screen; the rest waits for the heartbeat
    if (p.urgent && !same) heartbeat();
  }

  function showProgress() {
    urgentLayer.hidden = true;
    const old = urgentLayer.querySelector('[data-testid="signage-notice"]');
    if (old) old.remove();
    stage.hidden = false;
    el.dataset.urgent = 'false';
    const board = createProgressBoard(t, progressOf(playlist), gridName.textContent, playlist.progressCounts || null);
    replace(stage, board);
    requestAnimationFrame(() => {
      if (board.isConnected) fitProgressBoard(board);
    });
  }

  function showCard(notice, urgent, qrSrc = qrSrcOf(playlist, notice.id)) {
    const card = createNoticeCard(notice, { qrSrc, boardName: displayName.textContent });
    card.setAttribute('data-testid', 'signage-notice');
    const old = el.querySelector('[data-testid="signage-notice"]');
    if (old) old.remove();
    urgentLayer.hidden = !urgent;
    stage.hidden = urgent;
    el.dataset.urgent = String(urgent);
    if (urgent) urgentLayer.appendChild(card);
    else replace(stage, card);
    requestAnimationFrame(() => {
      if (card.isConnected && card === shownCard()) refit();
    });
  }

  function showEmpty() {
    current = null;
    urgentLayer.hidden = true;
    const old = urgentLayer.querySelector('[data-testid="signage-notice"]');
    if (old) old.remove();
    stage.hidden = false;
    el.dataset.urgent = 'false';
    replace(stage, h('div', { class: 'signage-empty', testid: 'signage-empty' },
      h('div', { class: 'signage-empty-grid' }, gridName.textContent), t('signage.empty')));
  }

  function scheduleHeartbeat(seconds) {
    const s = Number(seconds) > 0 ? Number(seconds) : DEFAULT_HEARTBEAT_SECONDS;
    if (heartbeatTimer && s === heartbeatSeconds) return;
    clearInterval(heartbeatTimer);
    heartbeatSeconds = s;
    heartbeatTimer = setInterval(heartbeat, s * 1000);
  }

  async function heartbeat() {
    if (!bus || bus.state !== 'open') return;
    const showing = current && current.id !== PROGRESS_ID ? current.id : null;
    if (showing) shown.add(showing);
    const sent = [...shown].slice(-MAX_SHOWN);
    try {
      const reply = await bus.request(SIGNAGE_CMD, { action: 'heartbeat', current: showing, shown: sent });
      sent.forEach((id) => shown.delete(id));
      if (reply) syncServerTime(reply.serverTime);
    } catch (err) {
      console.warn('signage heartbeat:', err.code);
    }
  }

  async function requestPlaylist() {
    try {
      accept(await bus.request(SIGNAGE_CMD, { action: 'playlist' }), { live: true });
    } catch (err) {
      console.warn('signage playlist:', err.code, err.message);
    }
  }

  return {
    el,
    /** Shows the kept playlist at once, before any connection; false when none is kept. */
    showCached() {
      const saved = loadPlaylist(scope);
      if (!saved) return false;
      deviceId = saved.deviceId;
      if (typeof saved.offsetMs === 'number') syncServerTime(Date.now() + saved.offsetMs);
      accept(saved.playlist, { live: false });
      return true;
    },
    /** Follows this display's playlist on the bus; called after every hello, acts once. */
    attach(theBus, identity) {
      if (bus) return;
      bus = theBus;
      if (deviceId && deviceId !== identity.deviceId) {
        playlist = null;
        seen = new Set();
      }
      deviceId = identity.deviceId;
      if (!displayName.textContent) displayName.textContent = identity.name || '';
      bus.subscribe(playlistAddress(deviceId), (body) => accept(body, { live: true }));
      bus.onOpen(requestPlaylist);
      requestPlaylist();
      scheduleHeartbeat(DEFAULT_HEARTBEAT_SECONDS);
    },
    setConnection: (state) => offline.set(state),
    /**
     * The console's preview: this one notice as this board would show it, pages in turn, until
     * stop(). reportSrc stands for the board's own report code (its size shapes the screen).
     */
    preview(notice, { qrSrc = null, boardName = '', gridName: grid = '', reportSrc = null } = {}) {
      previewing = true;
      gridName.textContent = grid;
      displayName.textContent = boardName;
      showReportQr(reportSrc);
      current = { id: notice.id, key: '', since: Date.now(), order: 0, pages: 1 };
      showCard(notice, Boolean(notice.urgent), qrSrc);
    },
    refit,
    stop() {
      view.removeEventListener('resize', refit);
      clearInterval(ticker);
      clearInterval(heartbeatTimer);
    },
  };
}

/** The images a playlist shows, for the offline cache. */
function mediaUrls(playlist) {
  const urls = [];
  const report = reportSrcOf(playlist);
  if (report) urls.push(report);
  for (const n of playlist.notices) {
    const qr = qrSrcOf(playlist, n.id);
    if (qr) urls.push(qr);
    if (n.imageId) urls.push(`/media/${encodeURIComponent(n.imageId)}`);
  }
  return urls;
}
