// The notice body's simple formatting (docs/API.md, "Notice"), the same on every screen: a blank
// line separates paragraphs, a line starting with "- " or "· " is a list item, **text** is bold.
// Built from elements and text nodes only, so markup in a notice shows literally.

const LIST_ITEM = /^\s*(?:- |· )/;
const BLANK = /^\s*$/;

/** Turns a notice body into a DocumentFragment of <p>, <ul>/<li> and <strong>. */
export function formatNoticeBody(text) {
  const fragment = document.createDocumentFragment();
  const lines = String(text == null ? '' : text).replace(/\r\n?/g, '\n').split('\n');
  let block = null; // the <p> or <ul> being filled, or null after a blank line
  for (const line of lines) {
    if (BLANK.test(line)) {
      block = null;
    } else if (LIST_ITEM.test(line)) {
      if (!block || block.tagName !== 'UL') block = fragment.appendChild(document.createElement('ul'));
      appendInline(block.appendChild(document.createElement('li')), line.replace(LIST_ITEM, ''));
    } else {
      if (!block || block.tagName !== 'P') block = fragment.appendChild(document.createElement('p'));
      else block.appendChild(document.createElement('br'));
      appendInline(block, line);
    }
  }
  return fragment;
}

/** Appends text to el with **pairs** as <strong>; a lone ** stays as written. */
function appendInline(el, text) {
  let rest = text;
  for (;;) {
    const open = rest.indexOf('**');
    const close = open < 0 ? -1 : rest.indexOf('**', open + 2);
    if (close < 0 || close === open + 2) {
      if (close === open + 2 && open >= 0) {
        // "****" is no bold text: keep it and look further on
        el.appendChild(document.createTextNode(rest.slice(0, close + 2)));
        rest = rest.slice(close + 2);
        continue;
      }
      if (rest) el.appendChild(document.createTextNode(rest));
      return;
    }
    if (open > 0) el.appendChild(document.createTextNode(rest.slice(0, open)));
    const strong = document.createElement('strong');
    strong.textContent = rest.slice(open + 2, close);
    el.appendChild(strong);
    rest = rest.slice(close + 2);
  }
}
