/**
 * 131072 → "131,072", as `toLocaleString('en-US')` writes a count. Not Intl itself: its first
 * use in a page costs 30–50 ms of main thread in Chromium, in the middle of the page load.
 */
export function groupDigits(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
