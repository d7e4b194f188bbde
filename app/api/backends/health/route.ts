import { backendHealth } from '@/lib/catalog/backend-health';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** Each enabled backend's status, checked in the background (lib/catalog/backend-health.ts). */
export function GET() {
  return handle(async () => Response.json({ backends: await backendHealth() }));
}
