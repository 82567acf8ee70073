// Announced resolutions of the room's meetings; each becomes a result notice (公开公示) in one click.

import { h, replace } from '../common/dom.js';

export function createResultsPanel({ t, query, act, showInfo, onOpenNotice, findNotice }) {
  const list = h('ul', { class: 'results', testid: 'resolution-list' });
  const empty = h('p', { class: 'muted', testid: 'resolution-empty', hidden: true }, t('results.empty'));
  const el = h('section', { class: 'panel results-panel' }, h('h2', {}, t('results.title')), list, empty);
  let lastKey = '';

  function outcomeText(resolution) {
    if (!resolution) return '';
    const passed = resolution.outcome && resolution.outcome.passed;
    return `${resolution.motion || ''} —— ${t(passed ? 'results.passed' : 'results.notPassed')}`;
  }

  async function make(r) {
    const reply = await act('resultFromMatter', { meetingId: r.meetingId, matterId: r.matterId });
    if (reply && reply.notice) {
      showInfo(t('results.made'));
      onOpenNotice(reply.notice);
      refresh();
    }
  }

  function item(r) {
    const existing = r.noticeId ? findNotice(r.noticeId) : null;
    const button = r.noticeId
      ? h('button', { type: 'button', class: 'btn btn-small', testid: `resolution-${r.matterId}`, disabled: !existing, onclick: () => existing && onOpenNotice(existing) }, t('results.open'))
      : h('button', { type: 'button', class: 'btn btn-small btn-primary', testid: `resolution-${r.matterId}`, onclick: () => make(r) }, t('results.make'));
    return h('li', { testid: `resolution-row-${r.matterId}`, dataset: { noticeId: r.noticeId || '' } },
      h('div', { class: 'muted' }, r.meetingTitle || ''),
      h('div', { class: 'strong' }, r.matterTitle || ''),
      h('div', {}, outcomeText(r.resolution)),
      button);
  }

  async function refresh() {
    let reply;
    try {
      reply = await query('listResolutions');
    } catch {
      return; // shown again at the next overview
    }
    const resolutions = (reply && reply.resolutions) || [];
    const key = JSON.stringify([resolutions, resolutions.map((r) => Boolean(r.noticeId && findNotice(r.noticeId)))]);
    if (key === lastKey) return;
    lastKey = key;
    empty.hidden = resolutions.length > 0;
    replace(list, resolutions.map(item));
  }

  return { el, refresh };
}
