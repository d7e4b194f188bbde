'use client';

import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { submitForm } from '@/components/ui/submit-form';
import type { UserView } from '@/lib/auth/users';
import { api, messageOf } from '@/lib/client/api';

/** The admin's list of accounts: approve, make admin, disable; invite links; new accounts. */
export function UsersAdmin({ initialUsers, selfId }: { initialUsers: UserView[]; selfId: string }) {
  const [users, setUsers] = useState(initialUsers);
  const [invite, setInvite] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const change = async (
    id: string,
    patch: { approved?: boolean; role?: 'admin' | 'user'; disabled?: boolean },
  ) => {
    setError(null);
    try {
      const { user } = await api.updateUser(id, patch);
      setUsers((now) => now.map((candidate) => (candidate.id === id ? user : candidate)));
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  const makeInvite = async () => {
    setError(null);
    try {
      const { invite: made } = await api.createInvite();
      setInvite(`${window.location.origin}${made.path}`);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  const create = async (form: FormData) => {
    setError(null);
    try {
      const { user } = await api.createUser({
        name: String(form.get('name')),
        email: String(form.get('email')),
        password: String(form.get('password')),
        role: form.get('admin') ? 'admin' : 'user',
      });
      setUsers((now) => [...now, user]);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <div className="mx-auto grid w-full max-w-4xl gap-6 px-3 py-5 sm:px-6">
      <ErrorNote message={error} />
      <section aria-labelledby="users-title" className="grid gap-2">
        <h2 id="users-title" className="text-sm font-semibold">
          Accounts
        </h2>
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {users.map((user) => (
            <li
              key={user.id}
              data-testid="user-row"
              className="flex flex-wrap items-center gap-x-3 gap-y-1.5 px-3 py-2.5"
            >
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium">
                  {user.name}
                  {user.id === selfId && (
                    <span className="ml-1.5 text-xs font-normal text-zinc-600 dark:text-zinc-400">
                      (you)
                    </span>
                  )}
                </p>
                <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">{user.email}</p>
              </div>
              <span className="text-xs text-zinc-700 dark:text-zinc-300" data-testid="user-state">
                {user.disabled ? 'disabled' : user.approved ? user.role : 'waiting for approval'}
              </span>
              {user.id !== selfId && (
                <div className="flex gap-1.5">
                  {!user.approved && (
                    <button
                      type="button"
                      data-testid="approve"
                      onClick={() => void change(user.id, { approved: true })}
                      className={buttonClass('primary', 'sm')}
                    >
                      Approve
                    </button>
                  )}
                  {user.approved && (
                    <button
                      type="button"
                      onClick={() =>
                        void change(user.id, { role: user.role === 'admin' ? 'user' : 'admin' })
                      }
                      className={buttonClass('secondary', 'sm')}
                    >
                      {user.role === 'admin' ? 'Make user' : 'Make admin'}
                    </button>
                  )}
                  <button
                    type="button"
                    data-testid="toggle-disabled"
                    onClick={() => void change(user.id, { disabled: !user.disabled })}
                    className={buttonClass(user.disabled ? 'secondary' : 'danger', 'sm')}
                  >
                    {user.disabled ? 'Enable' : 'Disable'}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="invite-title" className="grid gap-2">
        <h2 id="invite-title" className="text-sm font-semibold">
          Invite
        </h2>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          A link for one person, valid for a week: their account is approved as soon as they create
          it.
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            onClick={() => void makeInvite()}
            className={buttonClass('secondary', 'md')}
          >
            New invite link
          </button>
          {invite && (
            <code
              data-testid="invite-link"
              className="min-w-0 truncate rounded bg-zinc-100 px-2 py-1 text-xs dark:bg-zinc-900"
            >
              {invite}
            </code>
          )}
        </div>
      </section>
      <section aria-labelledby="create-title" className="grid gap-2">
        <h2 id="create-title" className="text-sm font-semibold">
          New account
        </h2>
        <form
          onSubmit={(event) => submitForm(event, create)}
          className="grid gap-2 sm:grid-cols-[1fr_1fr_1fr_auto_auto] sm:items-end"
        >
          <input name="name" required aria-label="Name" placeholder="Name" className={inputClass} />
          <input
            name="email"
            type="email"
            required
            aria-label="Email"
            placeholder="Email"
            className={inputClass}
          />
          <input
            name="password"
            type="password"
            required
            minLength={10}
            aria-label="Password"
            placeholder="Password (10+ characters)"
            className={inputClass}
          />
          <label className="flex h-9 items-center gap-1.5 text-xs">
            <input name="admin" type="checkbox" className="size-4" /> Admin
          </label>
          <button type="submit" className={buttonClass('primary', 'md')}>
            Create
          </button>
        </form>
      </section>
    </div>
  );
}

const inputClass =
  'h-9 rounded-md border border-zinc-300 bg-white px-2.5 text-sm outline-none focus-visible:border-indigo-500 focus-visible:ring-2 focus-visible:ring-indigo-500/30 dark:border-zinc-700 dark:bg-zinc-900';
