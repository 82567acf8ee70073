// 议前调研: a meeting's research notes by matter, each with its photos, and a form to add one
// (the matter, what was found, up to six photos sent at once to POST /api/images). Everyone with
// the console reads; the form shows for those the server lets add (planners, the meeting's hosts).

import { h, replace } from '../common/dom.js';
import { uploadImage, mediaUrl } from './image-field.js';
import { formatDateTime } from './format.js';

const MAX_PHOTOS = 6;

/** plan(action, params): a plan.cmd command (→ reply; rejects); token(): the session token. */
export function createResearchPanel({ t, plan, token, showInfo, showError }) {
  const matter = h('select', { testid: 'research-matter' });
  const text = h('textarea', { maxLength: 2000, rows: 5, testid: 'research-text' });
  const file = h('input', { type: 'file', multiple: true, accept: 'image/png,image/jpeg,image/webp', testid: 'research-photo', onchange: onFiles });
  const uploading = h('span', { class: 'muted', hidden: true, testid: 'research-uploading' }, t('plan.research.uploading'));
  const thumbs = h('div', { class: 'row', testid: 'research-thumbs' });
  const add = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'research-add' }, t('plan.research.add'));
  const form = h('form', { class: 'form', novalidate: true, onsubmit: submit },
    h('label', { class: 'field' }, t('plan.research.matter'), matter),
    h('label', { class: 'field' }, t('plan.research.text'), text),
    h('label', { class: 'field' }, t('plan.research.photos'), file), h('div', { class: 'row' }, uploading), thumbs,
    h('div', { class: 'row' }, add));
  const readOnly = h('p', { class: 'hint', testid: 'research-read-only' }, t('plan.research.readOnly'));
  const notes = h('div', { class: 'research-notes', testid: 'research-list' });
  const el = h('section', { class: 'panel', testid: 'research-panel', hidden: true },
    h('h2', {}, t('plan.research.title')), h('p', { class: 'hint' }, t('plan.research.hint')), form, readOnly, notes);
  let meeting = null;
  let photos = [];

  function renderThumbs() {
    replace(thumbs, photos.map((id) => h('span', { class: 'thumb-box' },
      h('img', { class: 'thumb', alt: '', src: mediaUrl(id), testid: 'research-thumb' }),
      h('button', { type: 'button', class: 'btn btn-small', 'aria-label': t('plan.research.removePhoto'),
        onclick: () => { photos = photos.filter((p) => p !== id); renderThumbs(); } }, '×'))));
  }

  async function onFiles() {
    const chosen = [...(file.files || [])];
    file.value = '';
    if (photos.length + chosen.length > MAX_PHOTOS) { showError({ message: t('plan.research.tooMany') }); return; }
    uploading.hidden = false;
    file.disabled = true;
    try {
      for (const f of chosen) {
        photos.push(await uploadImage(f, token()));
        renderThumbs();
      }
    } catch (err) {
      showError(err);
    } finally {
      uploading.hidden = true;
      file.disabled = false;
    }
  }

  async function submit(event) {
    event.preventDefault();
    if (!text.value.trim()) { showError({ message: t('plan.research.needText') }); return; }
    add.disabled = true;
    try {
      const params = { meetingId: meeting.id, matterId: matter.value, text: text.value.trim() };
      if (photos.length) params.imageIds = photos;
      await plan('addResearch', params);
      showInfo(t('plan.research.added'));
      text.value = '';
      photos = [];
      renderThumbs();
      await refresh();
    } catch (err) {
      showError(err);
    } finally {
      add.disabled = false;
    }
  }

  async function refresh() {
    if (!meeting) return;
    const shown = meeting;
    let reply;
    try {
      reply = await plan('listResearch', { meetingId: shown.id });
    } catch (err) {
      showError(err);
      return;
    }
    if (shown !== meeting) return;
    const byMatter = shown.agenda.map((m) => [m, reply.notes.filter((n) => n.matterId === m.id)]).filter(([, list]) => list.length);
    replace(notes, byMatter.length ? byMatter.map(([m, list]) => h('div', { class: 'research-group' },
      h('h3', {}, m.title), list.map((n) => noteView(n))))
      : h('p', { class: 'muted', testid: 'research-empty' }, t('plan.research.empty')));
  }

  function noteView(n) {
    return h('article', { class: 'research-note', testid: 'research-note' },
      h('p', { class: 'note-text' }, n.text),
      n.imageIds.length ? h('div', { class: 'row' }, n.imageIds.map((id) => h('a', { href: mediaUrl(id), target: '_blank', rel: 'noopener' },
        h('img', { class: 'thumb', alt: '', src: mediaUrl(id) })))) : null,
      h('p', { class: 'muted' }, t('plan.research.by', { name: n.by.name || n.by.id, at: formatDateTime(n.at) })));
  }

  return {
    el,
    /** Shows the meeting's notes; mayAdd: whether to offer the form (the server decides anyway). */
    show(m, mayAdd) {
      const changed = !meeting || meeting.id !== m.id;
      meeting = m;
      const open = m.status !== 'CLOSED' && m.agenda.length > 0;
      const chosen = matter.value;
      replace(matter, m.agenda.map((x) => h('option', { value: x.id }, x.title)));
      if (m.agenda.some((x) => x.id === chosen)) matter.value = chosen;
      form.hidden = !(mayAdd && open);
      readOnly.hidden = mayAdd || !open;
      if (changed) { text.value = ''; photos = []; renderThumbs(); }
      el.hidden = false;
      refresh();
    },
    hide() { el.hidden = true; meeting = null; },
  };
}
