// The room display: no interaction, everything from the server's snapshot — meeting, current
// matter, speaker and countdown, next speakers, the vote, presence, a corrected clock, and the QR
// code phones scan to join the meeting. Every region that can hold long text (titles, the matter,
// the speaker, the vote with its motion and verdict) is a bounded box whose type shrinks to fit it.

import { h, replace, renderKeyed } from '/common/dom.js';
import { formatClock, formatPlannedTime } from '/common/clock.js';
import { meetingOf, currentMatter } from '/common/snapshot.js';
import { createConnectionMark } from '/common/notice.js';
import { createSpeaker } from './speaker.js';
import { createTally } from './tally.js';
import { createSummary } from './summary.js';
import { fitBox } from './fit-text.js';

export function createRoomView(t) {
  const roomName = h('div', { class: 'room-name', testid: 'room-name' });
  const meetingTitle = h('div', { class: 'meeting-title', testid: 'meeting-title' });
  const presence = h('div', { class: 'presence', testid: 'presence' });
  const clock = h('div', { class: 'clock', testid: 'clock' });
  const offline = createConnectionMark({ testid: 'offline', text: t('offline'), className: 'offline' });
  const banner = h('div', { class: 'banner', testid: 'meeting-status', hidden: true });
  const matter = h('div', { class: 'matter-title', testid: 'current-matter' });
  const joinQr = h('figure', { class: 'join-qr', testid: 'join-qr', hidden: true });
  const speaker = createSpeaker(t, { onResize: () => fitBox(speaker.el, { min: 0.4 }) });
  const tally = createTally(t);
  const summary = createSummary(t);
  const titles = h('div', { class: 'titles fit-box' }, roomName, meetingTitle);
  const matterBlock = h('section', { class: 'matter-block fit-box' }, h('div', { class: 'label' }, t('matter.label')), matter);
  const stage = h('main', { class: 'stage' }, matterBlock, h('div', { class: 'columns' }, speaker.el, summary.el, tally.el));
  const el = h('div', { class: 'room' },
    h('header', { class: 'topbar' }, titles, presence, clock, offline.el),
    banner, stage, joinQr);

  /** Fits the type of every box, outer ones first: they decide the room left to the inner ones. */
  function refit() {
    fitBox(titles, { min: 0.5 });
    if (stage.hidden) return;
    fitBox(matterBlock, { min: 0.5 });
    summary.fit();
    fitBox(speaker.el, { min: 0.4 });
    if (!tally.el.hidden) fitBox(tally.el, { min: 0.3 });
  }
  let last = null;
  window.addEventListener('resize', refit);
  if (document.fonts) document.fonts.ready.then(refit);

  /** A banner instead of the stage: a title, and a line below (a message key, or words already said). */
  function showMessage(titleKey, bodyKey, bodyText) {
    stage.hidden = true;
    banner.hidden = false;
    const body = bodyText || (bodyKey ? t(bodyKey) : null);
    replace(banner, h('div', { class: 'banner-title' }, t(titleKey)), body ? h('div', { class: 'banner-body', testid: 'banner-body' }, body) : null);
    refit();
  }

  /**
   * 主持人先总结: the summary takes the speaker's place while nobody speaks, until the matter's vote
   * opens. It is read before the vote; from then on the motion, the ballots and the verdict have
   * the screen, at the size the back row needs.
   */
  function showSummary(snap) {
    const m = meetingOf(snap);
    const current = currentMatter(snap);
    const voted = m && m.vote && current && m.vote.matterId === current.id;
    const shown = current && current.summary && !speaker.busy() && !voted ? current.summary : null;
    const changed = summary.set(shown);
    speaker.el.hidden = Boolean(shown);
    return changed;
  }

  function renderJoinQr(token) {
    joinQr.hidden = !token;
    renderKeyed(joinQr, token || '', () => (token ? [
      h('img', { src: `/qr/${encodeURIComponent(token)}.svg`, alt: t('join.qr'), width: 240, height: 240 }),
      h('figcaption', {}, t('join.qr')),
    ] : []));
  }

  function render(snap) {
    last = snap;
    const m = meetingOf(snap);
    roomName.textContent = (snap.room && snap.room.name) || '';
    meetingTitle.textContent = m ? m.title || '' : '';
    renderJoinQr(m && m.status !== 'CLOSED' ? snap.joinToken : null);
    const p = snap.presence;
    renderKeyed(presence, JSON.stringify(p && [p.checkedIn, p.quorum, p.quorumMet]), () => (p ? [
      h('span', { class: 'count', dataset: { count: String(p.checkedIn) } }, t('presence', { n: p.checkedIn })),
      h('span', { class: p.quorumMet ? 'quorum ok' : 'quorum warn' },
        p.quorumMet ? t('quorum.met') : t('quorum.notMet', { quorum: p.quorum == null ? '–' : p.quorum })),
    ] : []));
    if (!m) return showMessage('meeting.none');
    if (m.status === 'SCHEDULED' && m.startsAt) {
      return showMessage('meeting.SCHEDULED', null, t('meeting.plannedAt', { time: formatPlannedTime(m.startsAt) }));
    }
    if (m.status !== 'OPEN' && !m.vote) return showMessage(`meeting.${m.status}`);
    banner.hidden = true;
    stage.hidden = false;
    const current = currentMatter(snap);
    matter.textContent = current ? current.title : t('matter.none');
    speaker.update(snap);
    tally.update(snap);
    showSummary(snap);
    stage.dataset.vote = String(!tally.el.hidden);
    stage.dataset.verdict = String(Boolean(m.vote && m.vote.announced && m.vote.outcome));
    refit();
    return undefined;
  }

  return {
    el,
    render,
    showMessage,
    setConnection: (state) => offline.set(state),
    stop: () => window.removeEventListener('resize', refit),
    tick() {
      clock.textContent = formatClock();
      speaker.tick();
      summary.tick();
      // a speech the clock ended keeps its name up a few seconds; the summary comes back after it
      if (last && !stage.hidden && showSummary(last)) refit();
    },
  };
}
