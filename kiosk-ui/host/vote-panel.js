// Votes on the current matter: the form to open one (starting from the matter's own rules), the
// ballots cast out of those entitled, closing, the outcome the server computed, and announcing it.
// Below the meeting's quorum the server refuses; the host may go on only by giving a reason.
// The form is built once so typing survives live updates.

import { h, renderKeyed } from '../common/dom.js';
import { errorText } from '../common/i18n.js';
import { voteOf, tallyOf, currentMatter, meetingOf } from '../common/snapshot.js';
import { outcomeText, outcomeFigures, quorumNote } from './outcome.js';
import { createRollCall } from './roll-call.js';

const BASES = ['FOR_AGAINST', 'CAST', 'PRESENT'];
const CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'];
const DEFAULT_RULES = { secret: false, walkInsVote: false, liveTally: true, base: 'FOR_AGAINST', minimumBallots: null };

function checkbox(testid, label, checked) {
  const input = h('input', { type: 'checkbox', id: testid, testid, checked });
  return { input, el: h('label', { class: 'check', htmlFor: testid }, input, ' ', label) };
}

/** attempt(action, params) → {reply} or {error}: refusals this panel answers itself. */
export function createVotePanel({ t, act, attempt, showError }) {
  const motion = h('input', { id: 'vote-motion', testid: 'vote-motion', maxLength: 200, autocomplete: 'off' });
  const secret = checkbox('vote-secret', t('vote.secret'), false);
  const walkIns = checkbox('vote-walkins', t('vote.walkIns'), false);
  const live = checkbox('vote-live', t('vote.live'), true);
  const liveHint = h('p', { class: 'muted hint', testid: 'vote-live-hint' }, t('vote.liveNamedOnly'));
  const base = h('select', { id: 'vote-base', testid: 'vote-base' },
    BASES.map((b) => h('option', { value: b }, t(`vote.base.${b}`))));
  const minimum = h('input', { id: 'vote-minimum', testid: 'vote-minimum', type: 'number', min: 1, step: 1, inputMode: 'numeric' });
  const openButton = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'vote-open' }, t('vote.open'));
  secret.input.addEventListener('change', syncLive);

  const form = h('form', { class: 'vote-form', onsubmit: openVote },
    h('label', { htmlFor: 'vote-motion' }, t('vote.motion')), motion,
    secret.el, walkIns.el, live.el, liveHint,
    h('label', { htmlFor: 'vote-base' }, t('vote.base')), base,
    h('label', { htmlFor: 'vote-minimum' }, t('vote.minimum')), minimum,
    openButton);
  const quorumAsk = createQuorumAsk(t, (action, params) => send(action, params));
  const rollCall = createRollCall({ t, attempt, showError });
  const status = h('div', { class: 'vote-status' });
  const el = h('section', { class: 'panel vote' }, h('h2', {}, t('vote.title')), status, quorumAsk.el, form, rollCall.el);
  let rulesKey = null; // the matter and last vote the form's rules were taken for

  /** A live tally would show how a secret ballot went, so it is for named votes only. */
  function syncLive() {
    if (secret.input.checked) live.input.checked = false;
    live.input.disabled = secret.input.checked;
    liveHint.hidden = !secret.input.checked;
  }

  function applyRules(rules) {
    const r = { ...DEFAULT_RULES, ...(rules || {}) };
    secret.input.checked = !!r.secret;
    walkIns.input.checked = !!r.walkInsVote;
    live.input.checked = !!r.liveTally && !r.secret;
    base.value = r.base;
    minimum.value = r.minimumBallots == null ? '' : String(r.minimumBallots);
    syncLive();
  }

  /** Sends a vote command; a QUORUM_NOT_MET refusal asks the host for a reason instead of failing. */
  async function send(action, params) {
    const { reply, error } = await attempt(action, params);
    if (error && error.code === 'QUORUM_NOT_MET') {
      quorumAsk.ask(action, params, error.message);
      return null;
    }
    if (error) {
      showError(errorText(t, error));
      return null;
    }
    quorumAsk.hide();
    return reply;
  }

  async function openVote(event) {
    event.preventDefault();
    const text = motion.value.trim();
    if (!text) {
      showError(t('vote.motionMissing'));
      motion.focus();
      return;
    }
    const params = {
      motion: text, secret: secret.input.checked, walkInsVote: walkIns.input.checked,
      liveTally: live.input.checked && !secret.input.checked, base: base.value,
    };
    if (minimum.value !== '') params.minimumBallots = Number(minimum.value);
    openButton.disabled = true;
    const reply = await send('openVote', params);
    openButton.disabled = false;
    if (reply) motion.value = '';
  }

  function counts(tally) {
    if (!tally || !tally.counts) return null;
    return h('ul', { class: 'counts' }, CHOICES.map((c) => h('li', { testid: `vote-count-${c}` },
      t('vote.count', { label: t(`vote.${c}`), n: tally.counts[c] || 0 }))));
  }

  function buildOpen(vote, tally) {
    const cast = tally ? tally.cast : 0;
    return [
      h('p', { class: 'vote-motion-text' }, t('vote.running', { motion: vote.motion })),
      h('p', { class: 'vote-cast', testid: 'vote-cast', dataset: { cast: String(cast) } },
        t('vote.castOf', { n: cast, of: tally && tally.entitled != null ? tally.entitled : '–' })),
      vote.quorumOverride ? h('p', { class: 'warn', testid: 'vote-below-quorum' }, quorumNote(t, vote.quorumOverride)) : null,
      counts(tally) || h('p', { class: 'muted' }, t(vote.secret ? 'vote.hiddenSecret' : 'vote.hidden')),
      h('button', { class: 'btn btn-danger', testid: 'vote-close', onclick: () => send('closeVote', {}) }, t('vote.close')),
    ];
  }

  function buildClosed(vote) {
    const o = vote.outcome;
    return [
      h('p', { class: 'vote-motion-text' }, t('vote.closed', { motion: vote.motion })),
      o ? h('p', { class: o.passed ? 'outcome ok' : 'outcome warn', testid: 'vote-outcome', dataset: { passed: String(o.passed), reason: o.reason } }, outcomeText(t, o)) : null,
      o ? h('p', { class: 'muted' }, outcomeFigures(t, o)) : null,
      o && o.belowQuorum ? h('p', { class: 'warn', testid: 'vote-below-quorum' }, quorumNote(t, o.quorumOverride)) : null,
      vote.announced
        ? h('p', { class: 'ok', testid: 'announced' }, t('vote.announced'))
        : h('button', { class: 'btn btn-primary', testid: 'announce', onclick: () => act('announceResult') }, t('vote.announce')),
    ];
  }

  return {
    el,
    update(snap) {
      const m = meetingOf(snap);
      const vote = voteOf(snap);
      const tally = vote ? tallyOf(snap, vote.id) : null;
      const isOpen = !!vote && vote.status === 'OPEN';
      const matter = currentMatter(snap);
      form.hidden = isOpen || !m || m.status !== 'OPEN' || !matter;
      // Each new vote starts from the matter's own rules, not from the last vote's choices.
      const key = JSON.stringify([matter && matter.id, vote && vote.id]);
      if (!isOpen && key !== rulesKey) {
        rulesKey = key;
        applyRules(matter && matter.voteRules);
      }
      if (!m || m.status !== 'OPEN') quorumAsk.hide();
      rollCall.update(vote);
      const shown = JSON.stringify([vote, tally && [tally.cast, tally.entitled, tally.counts]]);
      renderKeyed(status, shown, () => (!vote ? [] : isOpen ? buildOpen(vote, tally) : buildClosed(vote)));
    },
  };
}

/** What the host sees when the quorum is not met: the server's figures and a reason to go on anyway. */
function createQuorumAsk(t, send) {
  const message = h('p', { class: 'warn', testid: 'quorum-message' });
  const reason = h('textarea', { id: 'quorum-reason', testid: 'quorum-reason', maxLength: 200, rows: 3 });
  const goOn = h('button', { class: 'btn btn-danger', testid: 'quorum-override' });
  const cancel = h('button', { class: 'btn', testid: 'quorum-cancel' }, t('quorum.cancel'));
  const el = h('div', { class: 'quorum-ask', testid: 'quorum-ask', hidden: true, role: 'alertdialog' },
    message, h('label', { htmlFor: 'quorum-reason' }, t('quorum.reasonLabel')), reason, h('div', { class: 'row' }, goOn, cancel));
  let pending = null;

  goOn.addEventListener('click', async () => {
    const text = reason.value.trim();
    if (!text || !pending) {
      reason.focus();
      return;
    }
    goOn.disabled = true;
    await send(pending.action, { ...pending.params, quorumOverride: text });
    goOn.disabled = false;
  });
  cancel.addEventListener('click', hide);

  function hide() {
    pending = null;
    el.hidden = true;
    reason.value = '';
  }

  return {
    el,
    hide,
    ask(action, params, serverMessage) {
      pending = { action, params };
      message.textContent = `${t('quorum.notMet')}${serverMessage ? `（${serverMessage}）` : ''}`;
      goOn.textContent = t(action === 'openVote' ? 'quorum.openAnyway' : 'quorum.closeAnyway');
      el.hidden = false;
      reason.focus();
    },
  };
}
