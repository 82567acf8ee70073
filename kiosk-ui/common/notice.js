// A message line for errors and confirmations: shown until tapped or replaced, or for a while.

import { h } from './dom.js';

export function createNotice({ testid, className = 'notice', hideAfterMs = 10000 } = {}) {
  const el = h('div', { class: className, testid, role: 'alert', hidden: true });
  let timer = null;
  const hide = () => {
    clearTimeout(timer);
    el.hidden = true;
    el.textContent = '';
  };
  el.addEventListener('click', hide);
  return {
    el,
    show(text, kind = 'error') {
      clearTimeout(timer);
      el.textContent = text;
      el.dataset.kind = kind;
      el.hidden = false;
      if (hideAfterMs) timer = setTimeout(hide, hideAfterMs);
    },
    clear: hide,
  };
}

/** A mark that is visible only while the event bus is disconnected. */
export function createConnectionMark({ testid, text, className = 'connection' }) {
  const el = h('div', { class: className, testid, role: 'status', hidden: true }, text);
  el.dataset.state = 'closed';
  return {
    el,
    set(state) {
      el.dataset.state = state;
      el.hidden = state === 'open';
    },
  };
}
