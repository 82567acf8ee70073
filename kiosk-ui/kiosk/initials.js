// The pinyin initial of a name, so a long check-in list can be narrowed by tapping a letter (and
// the surnames shown under it) instead of typing. Chinese collation in the browser orders
// characters by pinyin; the first character of each letter's range marks where it begins.

const BOUNDS = '阿八嚓哒妸发旮哈讥咔垃痳拏噢妑七呥扨它穵夕丫帀';
const LETTERS = 'ABCDEFGHJKLMNOPQRSTWXYZ';
// Surnames read otherwise than the character's first reading.
const SURNAMES = { 曾: 'Z', 单: 'S', 区: 'O', 朴: 'P', 仇: 'Q', 解: 'X', 查: 'Z', 尉: 'Y', 盖: 'G', 乐: 'Y', 翟: 'Z', 覃: 'Q', 繁: 'P', 秘: 'B', 缪: 'M', 种: 'C', 员: 'Y', 召: 'S' };

const collator = new Intl.Collator('zh-CN-u-co-pinyin');
export const byPinyin = (a, b) => collator.compare(a, b);

/** 'W' for 王阿姨, 'L' for Li Ming, '#' when the first character has no letter. */
export function initialOf(name) {
  const first = [...String(name || '').trim()][0] || '';
  if (!first) return '#';
  if (/[a-z]/i.test(first)) return first.toUpperCase();
  if (SURNAMES[first]) return SURNAMES[first];
  if (!/\p{Script=Han}/u.test(first)) return '#';
  let letter = '#';
  for (let i = 0; i < BOUNDS.length && collator.compare(first, BOUNDS[i]) >= 0; i++) letter = LETTERS[i];
  return letter;
}

/** [[letter, {count, firsts: the most common first characters}], ...] in letter order. */
export function initialGroups(names, firstsShown = 4) {
  const groups = new Map();
  for (const name of names) {
    const letter = initialOf(name);
    const first = [...String(name).trim()][0] || '';
    if (!groups.has(letter)) groups.set(letter, { count: 0, firsts: new Map() });
    const g = groups.get(letter);
    g.count++;
    g.firsts.set(first, (g.firsts.get(first) || 0) + 1);
  }
  return [...groups.entries()].sort((a, b) => (a[0] === '#') - (b[0] === '#') || a[0].localeCompare(b[0]))
    .map(([letter, g]) => [letter, {
      count: g.count,
      firsts: [...g.firsts.entries()].sort((a, b) => b[1] - a[1]).slice(0, firstsShown).map(([c]) => c),
    }]);
}
