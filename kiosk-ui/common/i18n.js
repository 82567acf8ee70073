// Chooses the page language and looks strings up in the page's one message table.

export const DEFAULT_LANG = 'zh-CN';

/** ?lang= wins, then the browser's languages; anything not English is shown in Chinese. */
export function pickLang(table, search = location.search, languages = navigator.languages || [navigator.language]) {
  const asked = new URLSearchParams(search).get('lang');
  const candidates = [asked, ...languages].filter(Boolean);
  for (const c of candidates) {
    if (table[c]) return c;
    const base = c.split('-')[0].toLowerCase();
    if (base === 'zh') return DEFAULT_LANG;
    const match = Object.keys(table).find((k) => k.split('-')[0].toLowerCase() === base);
    if (match) return match;
  }
  return DEFAULT_LANG;
}

const COMMUNITY_LANG_KEY = 'shangliang.community.lang';
const COMMUNITY_LANG_TIMEOUT_MS = 3000;

/**
 * The language of a kiosk or display page: the community's setting (GET /api/community/language),
 * not the browser's — a kiosk installed in English still speaks the community's language to every
 * attendee. ?lang= still wins (tests, a technician); without an answer, the last one this device
 * heard, else Chinese.
 */
export async function communityLang(table, search = location.search) {
  if (new URLSearchParams(search).get('lang')) return pickLang(table, search, []);
  let kept = null;
  try {
    kept = localStorage.getItem(COMMUNITY_LANG_KEY);
  } catch { /* storage refused: no memory of it */ }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), COMMUNITY_LANG_TIMEOUT_MS);
  try {
    const response = await fetch('/api/community/language', { cache: 'no-store', signal: controller.signal });
    const { language } = await response.json();
    if (table[language]) {
      try { localStorage.setItem(COMMUNITY_LANG_KEY, language); } catch { /* kept for this load only */ }
      return language;
    }
  } catch { /* offline or slow: what this device heard last */ } finally {
    clearTimeout(timer);
  }
  return table[kept] ? kept : DEFAULT_LANG;
}

/** Returns t(key, vars); {name} placeholders are filled from vars. Unknown keys fall back to Chinese, then the key. */
export function createI18n(table, lang = pickLang(table)) {
  const primary = table[lang] || {};
  const fallback = table[DEFAULT_LANG] || {};
  document.documentElement.lang = lang;
  function t(key, vars) {
    const text = key in primary ? primary[key] : key in fallback ? fallback[key] : key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  }
  t.has = (key) => key in primary || key in fallback;
  t.lang = lang;
  return t;
}

/**
 * The text to show for a failed command: our message for its code, else the server's message. A
 * BAD_REQUEST names the field the server found wrong ("…：#/motion") when the page has a word for it
 * (field.motion → 请检查“表决事项”), so the user knows what to fix.
 */
export function errorText(t, err) {
  const code = err && err.code;
  const field = code === 'BAD_REQUEST' && err.message && (/[:：]\s*#?\/(?:[^/\s]*\/)*([A-Za-z]\w*)/.exec(err.message) || [])[1];
  if (field && t.has(`field.${field}`) && t.has('error.BAD_REQUEST_FIELD')) {
    return t('error.BAD_REQUEST_FIELD', { field: t(`field.${field}`) });
  }
  if (code && t.has(`error.${code}`)) return t(`error.${code}`);
  if (err && err.message) return err.message;
  return t('error.INTERNAL');
}
