/** Debian's Chromium, kept off the network it would reach on its own (both Playwright configs). */
export const chromiumLaunch = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--no-sandbox',
  ],
};
