import type { Page } from '@playwright/test';

/** One request the browser sent to the app, with the status the app answered (null: none). */
export interface SentRequest {
  method: string;
  url: string;
  /** The request as it left the browser: Origin, Sec-Fetch-Site, Content-Type... */
  headers: Record<string, string>;
  status: number | null;
  /** A CORS preflight the browser sent on the page's behalf. */
  preflight: boolean;
}

/**
 * Records, through the DevTools protocol, every request the page sends to `origin` with the
 * app's real status: also the ones Playwright's own events miss or report without a status
 * (a CORS-blocked fetch, a preflight, a beacon), which the page itself can never read.
 */
export async function recordTraffic(page: Page, origin: string) {
  const cdp = await page.context().newCDPSession(page);
  const sent = new Map<string, { method: string; url: string; type?: string }>();
  const headers = new Map<string, Record<string, string>>();
  const statuses = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (event) => {
    sent.set(event.requestId, {
      method: event.request.method,
      url: event.request.url,
      type: event.type,
    });
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (event) => {
    const lower = Object.entries(event.headers).map(([name, value]) => [
      name.toLowerCase(),
      String(value),
    ]);
    headers.set(event.requestId, Object.fromEntries(lower));
  });
  cdp.on('Network.responseReceivedExtraInfo', (event) => {
    statuses.set(event.requestId, event.statusCode);
  });
  await cdp.send('Network.enable');

  return {
    /** The requests to `origin` whose URL matches, preflights included. */
    requests(matches: (url: URL) => boolean): SentRequest[] {
      const found: SentRequest[] = [];
      for (const [id, request] of sent) {
        const url = new URL(request.url);
        if (url.origin !== origin || !matches(url)) continue;
        found.push({
          method: request.method,
          url: request.url,
          headers: headers.get(id) ?? {},
          status: statuses.get(id) ?? null,
          preflight: request.method === 'OPTIONS' && request.type === 'Other',
        });
      }
      return found;
    },
  };
}
