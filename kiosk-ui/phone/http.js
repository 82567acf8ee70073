// Plain fetch for the phone pages, with failures as the API's named codes (docs/API.md); a
// network that does not answer is OFFLINE.

const TIMEOUT_MS = 15000;
const UPLOAD_TIMEOUT_MS = 60000; // a photo on a weak mobile network

export class ApiError extends Error {
  constructor(code, status, retryAfter) {
    super(code);
    this.code = code;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/** Answers the JSON body of a 2xx reply, or throws an ApiError. */
export async function api(path, { method = 'GET', body } = {}) {
  return send(path, method, body === undefined ? {} : { 'content-type': 'application/json' },
    body === undefined ? undefined : JSON.stringify(body));
}

/** Posts a file as the raw body with its own type (a photo); answers the JSON reply like api(). */
export async function upload(path, blob, type = blob.type) {
  return send(path, 'POST', { 'content-type': type }, blob, UPLOAD_TIMEOUT_MS);
}

async function send(path, method, headers, body, timeoutMs = TIMEOUT_MS) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response;
  try {
    response = await fetch(path, {
      method, cache: 'no-store', credentials: 'same-origin', signal: controller.signal, headers, body,
    });
  } catch {
    throw new ApiError('OFFLINE', 0, 0);
  } finally {
    clearTimeout(timer);
  }
  const data = await response.json().catch(() => null);
  if (response.ok) return data || {};
  const code = (data && typeof data.code === 'string' && data.code) || (response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
  throw new ApiError(code, response.status, Number(response.headers.get('Retry-After')) || 0);
}

/** The token in /f/<token>, /j/<token>, /p/<token> or /r/<token>. */
export function tokenFromPath(prefix) {
  const match = location.pathname.match(new RegExp(`^/${prefix}/([^/?#]+)`));
  return match ? decodeURIComponent(match[1]) : '';
}

/** The message for an ApiError: ours for its code, else a general one. */
export function errorMessage(t, err) {
  const code = (err && err.code) || 'INTERNAL';
  return t.has(`error.${code}`) ? t(`error.${code}`) : t('error.INTERNAL');
}
