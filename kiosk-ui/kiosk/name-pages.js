// Lays a check-in list out in pages that fit the screen: the biggest name buttons with which
// everyone fits on one page, or else the smallest size, page after page. Each kind's names sit
// under its heading; small kinds share a line, so ten kinds of one person each do not take ten
// lines. Pure arithmetic on the sizes kiosk.css gives, so a page never grows taller than its room.

export const NAME_SIZES = [
  { name: 'xl', font: 40, rowH: 104, minW: 280 },
  { name: 'l', font: 34, rowH: 88, minW: 230 },
  { name: 'm', font: 30, rowH: 76, minW: 196 },
];
export const GAP = 14;
export const HEADING_H = 48; // .kind-title: 40 px line and 8 px below

/**
 * groups: [[kind, people], ...] in order. Answers {cols, size, pages}: a page is a list of lines,
 * a line a list of {kind, people, continued, span} sections (span: columns taken, out of cols).
 */
export function layOut(groups, width, height) {
  let laid = null;
  for (const size of NAME_SIZES) {
    laid = paginate(groups, width, height, size);
    if (laid.pages.length <= 1) return laid;
  }
  return laid;
}

function paginate(groups, width, height, size) {
  const cols = Math.max(1, Math.floor((width + GAP) / (size.minW + GAP)));
  const rowCost = size.rowH + GAP;
  const pages = [];
  let page = [];
  let used = 0;
  let line = null; // the open line of small sections, if any
  const turn = () => { if (page.length) pages.push(page); page = []; used = 0; line = null; };
  const newLine = (rows) => {
    if (page.length && used + HEADING_H + rows * rowCost > height) turn();
    line = { sections: [], cells: 0, rows };
    page.push(line);
    used += HEADING_H + rows * rowCost;
    return line;
  };
  for (const [kind, people] of groups) {
    let i = 0;
    while (i < people.length) {
      const left = people.length - i;
      if (left < cols) {
        if (!line || line.rows !== 1 || line.cells + left > cols) newLine(1);
        line.sections.push({ kind, people: people.slice(i), continued: i > 0, span: left });
        line.cells += left;
        i = people.length;
      } else {
        if (page.length && height - used - HEADING_H < rowCost) turn();
        const rows = Math.max(1, Math.min(Math.ceil(left / cols), Math.floor((height - used - HEADING_H) / rowCost)));
        const take = people.slice(i, i + rows * cols);
        newLine(Math.ceil(take.length / cols)).sections.push({ kind, people: take, continued: i > 0, span: cols });
        line = null; // a full line takes nothing more
        i += take.length;
      }
    }
  }
  turn();
  return { cols, size, pages };
}
