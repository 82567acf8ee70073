// 议前调研 beside the agenda: the research notes (text and photos) staff and hosts gathered on the
// matter under discussion, or on every matter before the meeting begins. Read from plan.cmd
// listResearch when the meeting or its current matter changes, or when the host asks again.

import { h, replace, renderKeyed } from '../common/dom.js';
import { meetingOf, currentMatter } from '../common/snapshot.js';

const mediaUrl = (id) => `/media/${encodeURIComponent(id)}`;

/** listResearch(meetingId) → Promise of {notes}; rejects with a BusError. */
export function createResearchPanel({ t, listResearch }) {
  const body = h('div', { class: 'research-body', testid: 'host-research' });
  const again = h('button', { class: 'btn btn-small', testid: 'host-research-refresh', onclick: () => load() }, t('research.refresh'));
  const el = h('section', { class: 'panel research', testid: 'host-research-panel', hidden: true },
    h('div', { class: 'panel-head' }, h('h2', {}, t('research.title')), h('span', { class: 'spacer' }), again), body);
  let meeting = null;
  let notes = [];
  let failed = false;

  async function load() {
    if (!meeting) return;
    const id = meeting.id;
    try {
      const reply = await listResearch(id);
      if (!meeting || meeting.id !== id) return;
      notes = reply.notes || [];
      failed = false;
    } catch {
      failed = true;
    }
    render();
  }

  function noteView(n) {
    return h('article', { class: 'research-note', testid: 'host-research-note' },
      h('p', { class: 'note-text' }, n.text),
      n.imageIds.length ? h('div', { class: 'research-photos' }, n.imageIds.map((id) => h('a', { href: mediaUrl(id), target: '_blank', rel: 'noopener' },
        h('img', { class: 'research-photo', alt: t('research.photo'), src: mediaUrl(id), testid: 'host-research-photo' })))) : null,
      h('p', { class: 'muted' }, n.by && n.by.name ? n.by.name : ''));
  }

  function render() {
    const matter = currentMatter({ meeting });
    const agenda = matter ? [matter] : (meeting.agenda || []);
    const groups = agenda.map((m) => [m, notes.filter((n) => n.matterId === m.id)]).filter(([, list]) => list.length);
    renderKeyed(body, JSON.stringify([failed, matter && matter.id, groups.map(([m, list]) => [m.title, list])]), () => {
      if (failed) return h('p', { class: 'muted' }, t('research.unavailable'));
      if (!groups.length) return h('p', { class: 'muted', testid: 'host-research-empty' }, t(matter ? 'research.noneForMatter' : 'research.none'));
      return groups.map(([m, list]) => h('div', { class: 'research-group' },
        matter ? null : h('h3', {}, m.title), list.map(noteView)));
    });
  }

  return {
    el,
    update(snap) {
      const next = meetingOf(snap);
      const before = meeting;
      meeting = next;
      el.hidden = !next;
      if (!next) { replace(body); return; }
      const changed = !before || before.id !== next.id;
      if (changed) notes = [];
      if (changed || (currentMatter({ meeting: before }) || {}).id !== (currentMatter(snap) || {}).id) load();
      else render();
    },
  };
}
