import { createInvite } from '@/lib/auth/invites';
import { currentViewer } from '@/lib/http/request-context';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** Admin only: a one-time invite link, valid for a week. */
export function POST() {
  return handle(async () => {
    const { token, expiresAt } = await createInvite({ createdBy: currentViewer().id });
    return Response.json(
      { invite: { path: `/sign-up?invite=${token}`, expiresAt } },
      { status: 201 },
    );
  });
}
