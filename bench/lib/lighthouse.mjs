// Lighthouse's performance category with its default (mobile) profile, run from this process
// against Debian's Chromium, offline: every flag below keeps Chromium from calling home.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--metrics-recording-only',
];

/**
 * @typedef {{ score: number, tbtMs: number, fcpMs: number, lcpMs: number, cls: number,
 *   mainThreadMs: number, scriptMs: number, lhr: any }} LighthouseRun
 */

/**
 * One Lighthouse run of `url`, mobile profile (Moto G Power screen, slow 4G and a 4× slower
 * CPU, simulated), performance category only. A fresh Chromium per run: nothing cached.
 * @param {string} url
 * @returns {Promise<LighthouseRun>}
 */
export async function lighthouseRun(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: CHROME_FLAGS,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      // The screenshots are for the HTML report; nothing here reads them.
      disableFullPageScreenshot: true,
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`lighthouse ${url}: no result`);
    if (lhr.runtimeError) throw new Error(`lighthouse ${url}: ${lhr.runtimeError.message}`);
    const audit = (/** @type {string} */ id) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      tbtMs: Math.round(audit('total-blocking-time')),
      fcpMs: Math.round(audit('first-contentful-paint')),
      lcpMs: Math.round(audit('largest-contentful-paint')),
      cls: Math.round(audit('cumulative-layout-shift') * 1000) / 1000,
      mainThreadMs: Math.round(audit('mainthread-work-breakdown')),
      scriptMs: Math.round(audit('bootup-time')),
      lhr,
    };
  } finally {
    chrome.kill();
  }
}
