// 从议题清单添加: the topics (议题) of the topic list that are not yet solved, most urgent first, each
// with who put it forward (党支部点题, 网格员荐题, 群众出题); one not yet on any agenda is put on this
// meeting's with request.cmd scheduleTopic, keeping that source. A topic already scheduled shows
// where it stands and cannot be picked again.

import { h, replace } from '../common/dom.js';

/**
 * request(action, params): a request.cmd command (→ reply; rejects). meetingId(): the saved
 * meeting's id, or null while it is new. onScheduled(): the meeting changed on the server.
 */
export function createTopicPicker({ t, request, meetingId, onScheduled, showInfo, showError }) {
  const body = h('ul', { class: 'topic-choices', testid: 'topic-choices' });
  const hint = h('p', { class: 'hint', testid: 'topics-hint', hidden: true });
  const panel = h('div', { class: 'topic-picker', testid: 'topic-picker', hidden: true },
    h('div', { class: 'panel-head' }, h('h3', {}, t('plan.topics.title')), h('span', { class: 'spacer' }),
      h('button', { type: 'button', class: 'btn btn-small', testid: 'topics-close', onclick: () => { panel.hidden = true; } }, t('plan.topics.close'))),
    body);
  const open = h('button', { type: 'button', class: 'btn', testid: 'topics-add', onclick: toggle }, t('plan.topics.add'));
  const el = h('div', {}, h('div', { class: 'row' }, open), hint, panel);

  async function toggle() {
    if (!meetingId()) {
      hint.textContent = t('plan.topics.saveFirst');
      hint.hidden = false;
      return;
    }
    hint.hidden = true;
    panel.hidden = false;
    await refresh();
  }

  async function refresh() {
    let list;
    let topics;
    try {
      [list, topics] = await Promise.all([request('topicList', { from: 0, to: Date.now() + 60000 }),
        request('listRequests', { status: 'TOPIC' })]);
    } catch (err) {
      showError(err);
      return;
    }
    const scheduled = new Set((topics.requests || []).filter((r) => r.topic && r.topic.matterId).map((r) => r.id));
    const choices = (list.topics || []).filter((x) => x.topicKind);
    replace(body, choices.length ? choices.map((x) => choice(x, scheduled.has(x.id)))
      : h('li', { class: 'muted', testid: 'topics-empty' }, t('plan.topics.empty')));
  }

  function choice(topic, taken) {
    const title = topic.title || topic.publicTitle || topic.number;
    return h('li', { class: 'topic-choice', testid: `topic-${topic.id}` },
      h('span', { class: 'strong' }, title),
      h('span', { class: 'muted' }, ` ${topic.number || ''} · ${topic.gridName || ''} · ${t('plan.topics.urgency', { n: topic.urgency || 1 })}`),
      topic.topicSource ? h('span', { class: 'mark', testid: 'topic-source' }, t(`plan.agenda.source.${topic.topicSource}`)) : null,
      h('span', { class: 'spacer' }),
      taken ? h('span', { class: 'mark mark-inactive', testid: 'topic-taken' }, t('plan.topics.scheduled'))
        : h('button', { type: 'button', class: 'btn btn-small btn-primary', testid: 'topic-pick', onclick: (e) => pick(topic, title, e.target) }, t('plan.topics.pick')));
  }

  async function pick(topic, title, button) {
    button.disabled = true;
    try {
      await request('scheduleTopic', { id: topic.id, meetingId: meetingId() });
      showInfo(t('plan.topics.added', { title }));
      await onScheduled();
      await refresh();
    } catch (err) {
      button.disabled = false;
      showError(err);
    }
  }

  return {
    el,
    reset() { panel.hidden = true; hint.hidden = true; replace(body); },
    setEditable(editable) { el.hidden = !editable; },
  };
}
