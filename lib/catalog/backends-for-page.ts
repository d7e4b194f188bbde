import 'server-only';
import type { BackendView } from '@/lib/api/views';
import { listBackends } from './list-backends';

/** How long a page waits for the backends' listing before it is sent without one. */
const LISTING_WAIT_MS = 300;

/**
 * The listing for a page's first paint when it is at hand (it is cached); a slow or failed one
 * is left to the browser to ask for.
 */
export function backendsForPage(): Promise<BackendView[] | null> {
  return Promise.race([
    listBackends().catch(() => null),
    new Promise<null>((resolve) => setTimeout(resolve, LISTING_WAIT_MS, null)),
  ]);
}
