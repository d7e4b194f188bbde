import { createUserSchema } from '@/lib/api/inputs';
import { createUser, listUsers } from '@/lib/auth/users';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

// Admin only: the gate refuses anyone else (lib/http/api-routes.ts).
export function GET() {
  return handle(async () => Response.json({ users: await listUsers() }));
}

export function POST(request: Request) {
  return handle(async () => {
    const input = await parseBody(request, createUserSchema);
    return Response.json({ user: await createUser(input) }, { status: 201 });
  });
}
