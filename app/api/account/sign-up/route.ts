import { signUpSchema } from '@/lib/api/inputs';
import { signUp } from '@/lib/auth/sign-up';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** A new account: `{ outcome }` is admin, approved or pending, the same for a taken address. */
export function POST(request: Request) {
  return handle(async () => {
    const input = await parseBody(request, signUpSchema);
    return Response.json({ outcome: await signUp(input) }, { status: 202 });
  });
}
