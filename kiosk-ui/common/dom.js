// Builds DOM from data without ever parsing markup: every value reaches the page as text.

const keyed = new WeakMap();

function setAttr(el, name, value) {
  if (value == null || value === false) return;
  if (name === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
  else if (name === 'testid') el.setAttribute('data-testid', value);
  else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
  else if (name === 'dataset') Object.assign(el.dataset, value);
  else if (name.includes('-') || !(name in el)) el.setAttribute(name, value === true ? '' : String(value));
  else el[name] = value;
}

function append(el, child) {
  if (child == null || child === false || child === true) return;
  if (Array.isArray(child)) child.forEach((c) => append(el, c));
  else if (child instanceof Node) el.appendChild(child);
  else el.appendChild(document.createTextNode(String(child)));
}

/**
 * h('button', {class: 'big', testid: 'raise-hand', onclick: fn}, 'text', childNode, [more]).
 * Attributes: class (string or array), testid (→ data-testid), on<event> (listener),
 * dataset, data-… and aria-… (attributes), anything else as a DOM property when the element has it.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) for (const [k, v] of Object.entries(attrs)) setAttr(el, k, v);
  append(el, children);
  return el;
}

/** Removes every child of el. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Replaces the children of el. */
export function replace(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

/**
 * Rebuilds el only when key differs from the key it was last built with. Snapshots arrive many
 * times a second during a vote; rebuilding buttons that did not change would swallow taps.
 */
export function renderKeyed(el, key, build) {
  if (keyed.get(el) === key) return false;
  keyed.set(el, key);
  replace(el, build());
  return true;
}

