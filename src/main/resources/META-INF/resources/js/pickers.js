// The region, period and employment pickers: the page's state is its URL, so a view can be bookmarked and shared.
import { escape } from './format.js';

export const DEFAULTS = { region: 'uk', months: '6', employment: 'PERMANENT' };

/** The page's state from its query string, defaults filled in. */
export function state() {
  const q = new URLSearchParams(location.search);
  const s = { ...DEFAULTS };
  for (const [k, v] of q) if (v !== '') s[k] = v;
  return s;
}

/** The same page (or another path) with some of the state changed; empty values and defaults are left out. */
export function link(changes, path = location.pathname) {
  const s = { ...state(), ...changes };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) {
    if (v != null && v !== '' && DEFAULTS[k] !== v) q.set(k, v);
  }
  const query = q.toString();
  return path + (query ? '?' + query : '');
}

/** The GraphQL variables the state names. */
export function scopeVariables(s) {
  const period = { months: Number(s.months) };
  if (s.end) period.end = s.end;
  return { region: s.region, period, employment: s.employment, workplace: s.workplace || null };
}

/**
 * The pickers form: regions from the current one's path, itself, its siblings and its children (all the query already
 * fetched); submitting it navigates to the new URL, which sends the new query.
 */
export function pickers(form, s, region, extra = '') {
  const options = [];
  const seen = new Set();
  const add = (r, indent) => {
    if (seen.has(r.slug)) return;
    seen.add(r.slug);
    options.push(`<option value="${escape(r.slug)}"${r.slug === region.slug ? ' selected' : ''}>${'\u00a0'.repeat(indent * 2)}${escape(r.name)}</option>`);
  };
  region.path.forEach((r, i) => add(r, i));
  add(region, region.path.length);
  region.children.forEach(r => add(r, region.path.length + 1));
  (region.parent ? region.parent.children : []).forEach(r => add(r, region.path.length));
  const option = (value, label, current) => `<option value="${value}"${value === current ? ' selected' : ''}>${label}</option>`;
  form.innerHTML = `
    <label>Region<select name="region">${options.join('')}</select></label>
    <label>Period ending<input type="date" name="end" value="${escape(s.end || '')}"></label>
    <label>Months<select name="months">${[1, 3, 6, 12, 24].map(m => option(String(m), m + (m === 1 ? ' month' : ' months'), s.months)).join('')}</select></label>
    <label>Employment<select name="employment">${option('PERMANENT', 'Permanent', s.employment)}${option('CONTRACT', 'Contract', s.employment)}</select></label>
    <label>Workplace<select name="workplace">${option('', 'Any', s.workplace || '')}${option('REMOTE', 'Remote', s.workplace)}${option('HYBRID', 'Hybrid', s.workplace)}${option('ONSITE', 'On-site', s.workplace)}</select></label>
    ${extra}
    <button type="submit">Show</button>`;
  form.onsubmit = e => {
    e.preventDefault();
    const changes = Object.fromEntries(new FormData(form));
    location.assign(link(changes));
  };
}

export function showError(main, error) {
  main.insertAdjacentHTML('afterbegin', `<p class="error" role="alert">${escape(error.message)}</p>`);
}
