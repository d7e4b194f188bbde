'use client';

import Link from 'next/link';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { api, messageOf } from '@/lib/client/api';

/**
 * The foot of the sidebar: the account's page and share links, and with accounts who is
 * signed in, the users page (an admin's) and sign-out; the backends page for an admin (single-user
 * mode's user is one).
 */
export function AccountMenu({ account }: { account: { name: string; admin: boolean } | null }) {
  const [error, setError] = useState<string | null>(null);
  const signOut = async () => {
    try {
      await api.signOut();
      window.location.assign('/sign-in');
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  return (
    <div className="grid shrink-0 gap-1.5 border-t border-zinc-200 px-3 py-2.5 dark:border-zinc-800">
      {account && (
        <p className="truncate text-xs text-zinc-600 dark:text-zinc-400" data-testid="signed-in-as">
          Signed in as{' '}
          <span className="font-medium text-zinc-900 dark:text-zinc-100">{account.name}</span>
        </p>
      )}
      <div className="flex flex-wrap gap-1.5">
        <Link href="/account" className={buttonClass('ghost', 'sm')}>
          Account
        </Link>
        <Link href="/shares" className={buttonClass('ghost', 'sm')}>
          Shares
        </Link>
        {account?.admin && (
          <Link href="/admin/users" className={buttonClass('ghost', 'sm')}>
            Users
          </Link>
        )}
        {(!account || account.admin) && (
          <Link href="/admin/backends" className={buttonClass('ghost', 'sm')}>
            Backends
          </Link>
        )}
        {account && (
          <button
            type="button"
            data-testid="sign-out"
            onClick={() => void signOut()}
            className={buttonClass('ghost', 'sm', 'ml-auto')}
          >
            Sign out
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
