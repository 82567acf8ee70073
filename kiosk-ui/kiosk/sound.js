// What the kiosk says and chimes, and the 声音 switch that silences it. Spoken prompts use the
// browser's speech synthesis in the page's language, only where a voice for it exists (a kiosk
// without a Chinese voice stays silent rather than reading Chinese with an English one). The switch
// is kept per kiosk in localStorage.

import { h } from '../common/dom.js';
import { chime, beep } from './beep.js';

const KEY = 'shangliang.kiosk.sound';
const SPEAK_AFTER_CHIME_MS = 900;

let on = localStorage.getItem(KEY) !== 'off';
let lang = 'zh-CN';
let toggle = null;

function voiceFor(language) {
  const synth = window.speechSynthesis;
  if (!synth) return null;
  const base = language.split('-')[0].toLowerCase();
  const voices = synth.getVoices();
  return voices.find((v) => v.lang.replace('_', '-').toLowerCase() === language.toLowerCase())
    || voices.find((v) => v.lang.toLowerCase().startsWith(base)) || null;
}

function say(words) {
  const voice = voiceFor(lang);
  if (!voice) return false;
  const utterance = new SpeechSynthesisUtterance(words);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9; // a little slower for elderly listeners
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(utterance);
  return true;
}

/**
 * A moment to announce: name is a chime ('turn', 'vote', 'over', 'warning') or null, words what to
 * say (or null). Nothing happens while the switch is off. The last cue is marked on the switch
 * (data-last-cue, data-spoken) so staff and tests can see what the kiosk announced.
 */
export function cue(name, words) {
  if (!on) return;
  if (name === 'warning') beep();
  else if (name) chime(name);
  let spoken = false;
  if (words) {
    if (name) setTimeout(() => say(words), SPEAK_AFTER_CHIME_MS);
    else spoken = say(words);
  }
  if (toggle) {
    toggle.dataset.lastCue = name || 'words';
    toggle.dataset.words = words || '';
    toggle.dataset.voice = voiceFor(lang) ? 'yes' : 'none';
    if (!name) toggle.dataset.spoken = String(spoken);
  }
}

/** The 声音 switch; t is the page's message lookup. */
export function createSoundToggle(t) {
  lang = t.lang || 'zh-CN';
  toggle = h('button', { class: 'btn btn-sound', testid: 'sound-toggle', onclick: flip });
  function show() {
    toggle.setAttribute('aria-pressed', String(on));
    toggle.textContent = t(on ? 'sound.on' : 'sound.off');
  }
  function flip() {
    on = !on;
    localStorage.setItem(KEY, on ? 'on' : 'off');
    if (!on && window.speechSynthesis) window.speechSynthesis.cancel();
    show();
  }
  show();
  // Voices load after the page: asking once makes the browser start loading them.
  if (window.speechSynthesis) window.speechSynthesis.getVoices();
  return toggle;
}
