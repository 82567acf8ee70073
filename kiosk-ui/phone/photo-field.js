// An optional photo for a request: the phone's camera or gallery, uploaded as soon as it is chosen
// (so sending the form does not wait for it), shown as a thumbnail, removable. A camera photo is
// often larger than the server takes (2 MiB) or in a type it refuses: it is scaled down to a JPEG.

import { h } from '/common/dom.js';
import { upload, errorMessage } from './http.js';

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp'];
const MAX_BYTES = 2 * 1024 * 1024;
const SEND_AS_IS_BYTES = 1536 * 1024;
const MAX_SIDE = 1600;

/** The photo, scaled to at most MAX_SIDE and re-encoded when it is too big or of another type. */
async function fitForUpload(file) {
  if (ACCEPTED.includes(file.type) && file.size <= SEND_AS_IS_BYTES) return file;
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  for (const quality of [0.85, 0.7, 0.5]) {
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob && blob.size <= MAX_BYTES) return blob;
  }
  throw Object.assign(new Error('too large'), { code: 'TOO_LARGE' });
}

/** A data: URL of the blob, for the thumbnail (the page's CSP allows data: images, not blob:). */
function dataUrlOf(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** t: the page's messages; showError(text). Answers {el, photoId(), busy()}. */
export function createPhotoField(t, showError) {
  let photoId = null;
  let uploading = false;
  const input = h('input', {
    type: 'file', accept: 'image/*', capture: 'environment', id: 'photo', testid: 'photo-input', class: 'photo-input',
  });
  const status = h('p', { class: 'photo-status', testid: 'photo-status', role: 'status' });
  const thumb = h('img', { class: 'photo-thumb', testid: 'photo-thumb', alt: t('request.photoAlt'), hidden: true });
  const remove = h('button', {
    type: 'button', class: 'link-button', testid: 'photo-remove', hidden: true, onclick: () => clearPhoto(),
  }, t('request.photoRemove'));
  const pick = h('label', { class: 'pick-photo', for: 'photo' }, t('request.photoPick'));
  const el = h('div', { class: 'photo-field' }, pick, input, status, thumb, remove);

  function clearPhoto() {
    photoId = null;
    input.value = '';
    thumb.hidden = true;
    thumb.removeAttribute('src');
    remove.hidden = true;
    status.textContent = '';
  }

  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    photoId = null;
    uploading = true;
    status.textContent = t('request.photoUploading');
    showError('');
    try {
      const blob = await fitForUpload(file);
      const reply = await upload('/api/requests/photo', blob, blob.type || file.type);
      photoId = reply.photoId;
      thumb.src = await dataUrlOf(blob);
      thumb.hidden = false;
      remove.hidden = false;
      status.textContent = t('request.photoDone');
    } catch (err) {
      clearPhoto();
      showError(err.code ? errorMessage(t, err) : t('error.UNSUPPORTED_MEDIA'));
    } finally {
      uploading = false;
    }
  });

  return { el, photoId: () => photoId, busy: () => uploading };
}
