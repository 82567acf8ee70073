// A notice's optional image: the chosen file is sent at once to POST /api/images as it is (the
// server checks its type and size) and the notice keeps only the imageId it answers.

import { h } from '../common/dom.js';
import { BusError } from '../common/eventbus.js';

export const mediaUrl = (imageId) => `/media/${encodeURIComponent(imageId)}`;

/** Sends the raw file; → imageId. Rejects with a BusError carrying the server's code. */
export async function uploadImage(file, token) {
  let res;
  try {
    res = await fetch('/api/images', {
      method: 'POST',
      headers: { 'Content-Type': file.type || 'application/octet-stream', Authorization: `Bearer ${token}` },
      body: file,
    });
  } catch {
    throw new BusError('OFFLINE', 'network error');
  }
  let data = null;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  if (!res.ok || !data || !data.imageId) {
    const code = (data && data.code) || (res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL');
    throw new BusError(code, (data && data.message) || res.statusText, res.status);
  }
  return data.imageId;
}

export function createImageField({ t, token, onInput, onError }) {
  let imageId = null;
  const input = h('input', { type: 'file', id: 'notice-image', testid: 'notice-image', accept: 'image/png,image/jpeg,image/webp', onchange: onFile });
  const status = h('span', { class: 'muted', testid: 'notice-image-status', hidden: true }, t('editor.imageUploading'));
  const thumb = h('img', { class: 'thumb', alt: '', testid: 'notice-image-thumb', hidden: true });
  const remove = h('button', { type: 'button', class: 'btn btn-small', testid: 'notice-image-remove', hidden: true, onclick: () => set(null, true) }, t('editor.imageRemove'));
  const el = h('div', { class: 'field' },
    h('label', { htmlFor: 'notice-image' }, t('editor.image')), input,
    h('div', { class: 'row' }, status, thumb, remove));

  function set(id, byUser = false) {
    imageId = id || null;
    thumb.hidden = !imageId;
    remove.hidden = !imageId;
    if (imageId) thumb.src = mediaUrl(imageId);
    else thumb.removeAttribute('src');
    if (!imageId) input.value = '';
    if (byUser) onInput();
  }

  async function onFile() {
    const file = input.files && input.files[0];
    if (!file) return;
    status.hidden = false;
    input.disabled = true;
    try {
      set(await uploadImage(file, token()), true);
    } catch (err) {
      input.value = '';
      onError(err);
    } finally {
      status.hidden = true;
      input.disabled = false;
    }
  }

  return { el, value: () => imageId, set: (id) => set(id) };
}
