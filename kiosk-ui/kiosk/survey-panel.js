// The questionnaire (问卷) at the end of the meeting: one question per step, each answered with one
// tap of a big button, then 谢谢您的参与. Like a ballot it takes the screen while someone on this
// kiosk has not answered; a shared kiosk first lists who still has to. The questions and their
// Chinese words come from the snapshot; the server decides whether an answer counts.

import { h, renderKeyed } from '../common/dom.js';
import { meetingOf, onKiosk } from '../common/snapshot.js';

const THANKS_MS = 8000;
const answered = new Set(); // `${meetingId}/${attendeeId}` known to have answered
const later = new Set(); // the same, put off on this kiosk with 以后再说

function surveyOf(snap) {
  const s = snap && snap.survey;
  return s && s.open && Array.isArray(s.questions) ? s : null;
}

/** Learns, from a kiosk's own snapshot, which of its attendees answered (elsewhere, or before a reload). */
function remember(snap) {
  const s = surveyOf(snap);
  const m = meetingOf(snap);
  if (s && m && Array.isArray(s.answeredHere)) s.answeredHere.forEach((id) => answered.add(`${m.id}/${id}`));
}

/** The attendees (of those given) still to answer the open questionnaire. */
export function surveysDue(snap, attendees) {
  remember(snap);
  const m = meetingOf(snap);
  if (!surveyOf(snap) || !m) return [];
  return attendees.filter((a) => !answered.has(`${m.id}/${a.id}`) && !later.has(`${m.id}/${a.id}`));
}

/** onDone(): nothing more to show here; the kiosk's own screen comes back. */
export function createSurveyScreen({ t, act, deviceId, shared, onDone }) {
  const el = h('main', { class: 'screen survey' });
  let snap = null;
  let who = null; // the attendee answering
  let step = 0;
  let chosen = {};
  let thanks = null; // {name, at}

  const words = (key, fallback) => (t.has(key) ? t(key) : fallback);
  const questionText = (q) => words(`survey.q.${q.id}`, q.text);
  const choiceText = (q, c) => words(`survey.c.${q.id}.${c.code}`, c.label);

  function start(attendee) {
    who = attendee;
    step = 0;
    chosen = {};
    render();
  }

  async function pick(q, code) {
    chosen = { ...chosen, [q.id]: code };
    const questions = surveyOf(snap).questions;
    if (step < questions.length - 1) {
      step += 1;
      render();
      return;
    }
    const meetingId = meetingOf(snap).id;
    const reply = await act('answerSurvey', { attendeeId: who.id, answers: chosen });
    if (reply && reply.answered) {
      answered.add(`${meetingId}/${who.id}`);
      thanks = { name: who.name, at: Date.now() };
      who = null;
    }
    render();
  }

  function putOff(attendees) {
    const m = meetingOf(snap);
    attendees.forEach((a) => later.add(`${m.id}/${a.id}`));
    who = null;
    onDone();
  }

  function finish() {
    thanks = null;
    render();
    onDone();
  }

  function buildThanks() {
    return [
      h('div', { class: 'survey-thanks', testid: 'survey-thanks', role: 'status' }, t('survey.thanks')),
      h('button', { class: 'btn btn-primary btn-wide', testid: 'survey-done', onclick: finish }, t('survey.done')),
    ];
  }

  function buildList(due) {
    return [
      h('h1', { class: 'who-title', testid: 'survey-due-title' }, t('survey.whoTitle')),
      h('p', { class: 'survey-intro' }, t('survey.intro')),
      h('div', { class: 'name-grid' }, due.map((a) => h('button', {
        class: 'btn btn-name', testid: `survey-who-${a.id}`, onclick: () => start(a),
      }, a.name))),
      h('button', { class: 'btn btn-quiet', testid: 'survey-later', onclick: () => putOff(due) }, t('survey.later')),
    ];
  }

  function buildStep(questions) {
    const q = questions[step];
    return [
      h('h1', { class: 'hello', testid: 'survey-name' }, t('survey.hello', { name: who.name })),
      h('p', { class: 'survey-progress', testid: 'survey-progress' }, t('survey.progress', { n: step + 1, total: questions.length })),
      h('h2', { class: 'survey-question', testid: 'survey-question', id: 'survey-question' }, questionText(q)),
      h('div', { class: 'survey-choices', role: 'group', 'aria-labelledby': 'survey-question' }, q.choices.map((c) => h('button', {
        class: 'btn btn-secondary btn-survey', testid: `survey-${q.id}-${c.code}`, onclick: () => pick(q, c.code),
      }, choiceText(q, c)))),
      h('div', { class: 'row' },
        step > 0 ? h('button', { class: 'btn btn-quiet', testid: 'survey-back', onclick: () => { step -= 1; render(); } }, t('survey.back')) : null,
        h('button', { class: 'btn btn-quiet', testid: 'survey-later', onclick: () => putOff([who]) }, t('survey.later'))),
    ];
  }

  function render() {
    const survey = surveyOf(snap);
    const mine = onKiosk(snap, deviceId);
    const due = surveysDue(snap, mine);
    // answered meanwhile (another kiosk, a phone), left, or the meeting closed: the step goes
    if (who && !due.some((a) => a.id === who.id)) who = null;
    if (!who && !shared && due.length > 0 && !thanks) who = due[0];
    const key = JSON.stringify(thanks ? ['thanks'] : who ? [who.id, step, t.lang] : ['list', due.map((a) => [a.id, a.name])]);
    renderKeyed(el, key, () => {
      if (thanks) return buildThanks();
      if (who) return buildStep(survey.questions);
      return buildList(due);
    });
  }

  return {
    el,
    update(next) {
      snap = next;
      render();
    },
    /** While thanking, the questionnaire keeps the screen a moment after the last attendee here answered. */
    showing: () => !!thanks || !!who,
    tick() {
      if (thanks && Date.now() - thanks.at > THANKS_MS) finish();
    },
    away: () => !!who || !!thanks,
    home() {
      who = null;
      thanks = null;
      render();
    },
  };
}
