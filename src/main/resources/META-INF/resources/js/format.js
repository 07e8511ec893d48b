// How figures read on the pages, as on the reference page: "£25,438", "0.029%", "+64", "-49.13%", "-" for none.
const NONE = '-';
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function count(n) {
  return n == null ? NONE : whole.format(n);
}

export function money(n) {
  return n == null ? NONE : '£' + whole.format(Math.round(n));
}

/** A share as a percentage: three decimals below 1%, two above. */
export function share(x) {
  if (x == null) return NONE;
  const pct = x * 100;
  return pct.toFixed(pct < 1 ? 3 : 2) + '%';
}

/** A change as a signed percentage. */
export function change(x) {
  if (x == null) return NONE;
  const pct = x * 100;
  return (pct > 0 ? '+' : '') + pct.toFixed(2) + '%';
}

export function signed(n) {
  return n == null ? NONE : (n > 0 ? '+' : '') + n;
}

/** "2 May 2025" */
export function day(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A class for a signed figure's colour. */
export function tone(x) {
  return x == null || x === 0 ? '' : x > 0 ? 'up' : 'down';
}

export function escape(s) {
  return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
