// Entry of the minutes' print view, /console/minutes.html?meeting=<id>: reads the minutes with the
// console's session token (signed in at /console/), shows them as an A4 sheet (minutes-sheet.js,
// minutes-print.css), prints them, and downloads the Word document (GET …/minutes.docx).

import { h, replace } from '../common/dom.js';
import { createI18n, errorText } from '../common/i18n.js';
import { readToken } from '../common/token.js';
import { BusError } from '../common/eventbus.js';
import { MINUTES_MESSAGES } from './minutes-messages.js';
import { createMinutesSheet } from './minutes-sheet.js';

/** Where the console keeps its session token (main.js). */
const TOKEN_KEY = 'shangliang.console.token';

const t = createI18n(MINUTES_MESSAGES);
document.title = t('minutes.pageTitle');
const meetingId = new URLSearchParams(location.search).get('meeting') || '';
const apiPath = `/api/meetings/${encodeURIComponent(meetingId)}/minutes`;

const status = h('p', { class: 'status', testid: 'minutes-status', role: 'status' }, t('minutes.loading'));
const printButton = h('button', { type: 'button', class: 'btn btn-primary', testid: 'minutes-print', hidden: true, onclick: () => window.print() }, t('minutes.print'));
const download = h('a', { class: 'btn', href: `${apiPath}.docx`, testid: 'minutes-download', hidden: true, onclick: downloadWord }, t('minutes.download'));
const toolbar = h('nav', { class: 'toolbar', 'aria-label': t('minutes.pageTitle') },
  h('a', { class: 'btn', href: '/console/' }, t('minutes.back')), h('span', { class: 'spacer' }), download, printButton);
const body = h('main', { class: 'paper' });
replace(document.getElementById('app'), toolbar, status, body);
let title = '';

/** A failed answer's {code, message} as an error errorText() can word. */
async function failure(res) {
  const data = await res.json().catch(() => null);
  return new BusError((data && data.code) || 'INTERNAL', (data && data.message) || res.statusText, res.status);
}

async function authorised(path) {
  const token = readToken(TOKEN_KEY);
  if (!token) throw new BusError('UNAUTHENTICATED', 'not signed in');
  let res;
  try {
    res = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch {
    throw new BusError('OFFLINE', 'network error');
  }
  if (!res.ok) throw await failure(res);
  return res;
}

function showProblem(err) {
  status.hidden = false;
  if (err.code === 'UNAUTHENTICATED') {
    replace(status, t('minutes.signIn'), ' ', h('a', { href: '/console/' }, t('minutes.signInLink')));
  } else if (err.code === 'NOT_FOUND') {
    status.textContent = meetingId ? t('minutes.none') : t('minutes.noMeeting');
  } else {
    status.textContent = errorText(t, err);
  }
}

async function downloadWord(event) {
  event.preventDefault();
  try {
    const blob = await (await authorised(`${apiPath}.docx`)).blob();
    const name = `${t('minutes.fileName')}-${title}.docx`;
    const link = h('a', { href: URL.createObjectURL(blob), download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  } catch (err) {
    showProblem(err);
  }
}

async function load() {
  if (!/^[0-9a-f]{24}$/.test(meetingId)) {
    showProblem(new BusError('NOT_FOUND', 'no meeting'));
    return;
  }
  try {
    const minutes = await (await authorised(apiPath)).json();
    title = String(minutes.title || '');
    document.title = t('minutes.pageTitleOf', { title });
    const draft = minutes.status !== 'APPROVED';
    document.body.classList.toggle('is-draft', draft);
    replace(body, draft ? h('div', { class: 'watermark', 'aria-hidden': 'true', 'data-mark': t('minutes.draftMark') }) : null,
      createMinutesSheet(t, minutes));
    status.hidden = true;
    printButton.hidden = false;
    download.hidden = false;
  } catch (err) {
    showProblem(err);
  }
}

load();
