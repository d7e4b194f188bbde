import { expect, type Page, type Response } from '@playwright/test';

/**
 * Records everything the browser receives from the app (HTML, React Server Component payloads,
 * JSON, event streams) from now until `stop`, which also takes the DOM and the title. The app's
 * static JavaScript is the same for every page and every battle, so it is not read.
 */
export function captureReceived(page: Page) {
  const bodies: { url: string; text: Promise<string> }[] = [];
  const record = (response: Response) => {
    const url = response.url();
    if (url.includes('/_next/static/')) return;
    bodies.push({ url, text: response.text().catch(() => '') });
  };
  page.on('response', record);
  return async function stop(): Promise<{ url: string; text: string }[]> {
    const dom = await page.evaluate(() => document.documentElement.outerHTML);
    const title = await page.title();
    page.off('response', record);
    const received = await Promise.all(
      bodies.map(async (body) => ({ url: body.url, text: await body.text })),
    );
    return [...received, { url: 'DOM', text: dom }, { url: 'title', text: title }];
  };
}

/** The blindness rule: no secret in anything received, and no backend id or label at all. */
export function expectNothingNamed(received: { url: string; text: string }[], secrets: string[]) {
  for (const { url, text } of received) {
    for (const secret of secrets) {
      expect(text.includes(secret), `"${secret}" in ${url}`).toBe(false);
    }
    // A blind slot has an empty backend id and label.
    expect(/\\?"backend(Id|Label)\\?":\\?"[^"\\]/.test(text), `a backend in ${url}`).toBe(false);
  }
}
