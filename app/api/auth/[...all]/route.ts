import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/lib/auth/auth';

export const dynamic = 'force-dynamic';

// better-auth's own endpoints (sign-in, sign-out, sessions); the gate has checked host, origin
// and body before they run.
const handlers = toNextJsHandler(auth);

export function GET(request: Request) {
  return handlers.GET(request);
}

export function POST(request: Request) {
  return handlers.POST(request);
}
