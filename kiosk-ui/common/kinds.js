// Attendee kinds (八方议事 plus walk-in residents) in the order pages list them, with their labels.
// Each UI's message table merges these labels so that table stays the one place for its strings.

export const KIND_ORDER = [
  'CONVENER', 'GRID_WORKER', 'PROPERTY', 'OWNERS_COMMITTEE', 'CPPCC',
  'GRID_POLICE', 'LEGAL', 'RESIDENT_REP', 'SOCIAL_ORG', 'RESIDENT',
];

export const KIND_MESSAGES = {
  'zh-CN': {
    'kind.CONVENER': '召集人',
    'kind.GRID_WORKER': '网格员',
    'kind.PROPERTY': '物业公司代表',
    'kind.OWNERS_COMMITTEE': '业主委员会成员',
    'kind.CPPCC': '市区政协委员',
    'kind.GRID_POLICE': '网格警长',
    'kind.LEGAL': '法律工作者',
    'kind.RESIDENT_REP': '群众代表',
    'kind.SOCIAL_ORG': '社会组织代表',
    'kind.RESIDENT': '居民',
  },
  en: {
    'kind.CONVENER': 'Convener',
    'kind.GRID_WORKER': 'Grid worker',
    'kind.PROPERTY': 'Property company',
    'kind.OWNERS_COMMITTEE': "Owners' committee",
    'kind.CPPCC': 'CPPCC member',
    'kind.GRID_POLICE': 'Grid police officer',
    'kind.LEGAL': 'Legal worker',
    'kind.RESIDENT_REP': 'Resident representative',
    'kind.SOCIAL_ORG': 'Social organisation',
    'kind.RESIDENT': 'Resident',
  },
};

/** Sorts items having a .kind by KIND_ORDER and groups them: [[kind, items], ...]. */
export function groupByKind(items) {
  const groups = new Map();
  for (const item of items) {
    if (!groups.has(item.kind)) groups.set(item.kind, []);
    groups.get(item.kind).push(item);
  }
  const rank = (k) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}
