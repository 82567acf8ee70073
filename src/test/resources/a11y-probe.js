// Elderly-friendly checks of what a page shows now: touch targets of at least 64 px, text of at
// least 24 px, and WCAG AA contrast (4.5:1, or 3:1 for large text). Answers the offences found.
() => {
  const channel = (v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  const luminance = (colour) => {
    const [r, g, b] = colour.match(/[\d.]+/g).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const backgroundOf = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      const parts = c.match(/[\d.]+/g);
      if (parts && (parts.length < 4 || Number(parts[3]) > 0.5)) return c;
    }
    return 'rgb(255, 255, 255)';
  };
  const offences = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
    const label = el.textContent.trim().slice(0, 20);
    if (el.matches('button, [role=button], a, input, select') && (box.height < 64 || box.width < 64)) {
      offences.push(`small target ${el.tagName} ${Math.round(box.width)}x${Math.round(box.height)} ${label}`);
    }
    const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!hasText) continue;
    const size = parseFloat(style.fontSize);
    if (size < 24) offences.push(`small text ${size}px ${label}`);
    const a = luminance(style.color);
    const b = luminance(backgroundOf(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) offences.push(`low contrast ${ratio.toFixed(2)} ${label}`);
  }
  return offences;
}
