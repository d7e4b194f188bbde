'use client';

import { useEffect, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorNote } from '@/components/ui/error-note';
import type { ApiTokenView } from '@/lib/auth/api-tokens';
import { api, messageOf, type SessionView } from '@/lib/client/api';

/** The viewer's sessions (end one, or all) and personal API tokens (make, revoke). */
export function AccountSettings({
  name,
  sessions: withSessions,
  initialTokens,
}: {
  name: string;
  /** False in single-user mode: there is no sign-in, so no sessions. */
  sessions: boolean;
  initialTokens: ApiTokenView[];
}) {
  const [tokens, setTokens] = useState(initialTokens);
  const [fresh, setFresh] = useState<string | null>(null);
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const attempt = async (run: () => Promise<void>) => {
    setError(null);
    try {
      await run();
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  useEffect(() => {
    if (!withSessions) return;
    api.listSessions().then(setSessions, (caught: unknown) => setError(messageOf(caught)));
  }, [withSessions]);

  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6 px-3 py-5 sm:px-6">
      <p className="text-sm">
        Signed in as <span className="font-medium">{name}</span>.
      </p>
      <ErrorNote message={error} />
      {withSessions && (
        <section aria-labelledby="sessions-title" className="grid gap-2">
          <div className="flex items-center gap-2">
            <h2 id="sessions-title" className="text-sm font-semibold">
              Where you are signed in
            </h2>
            <button
              type="button"
              data-testid="sign-out-everywhere"
              onClick={() =>
                void attempt(async () => {
                  await api.signOutEverywhere();
                  window.location.assign('/sign-in');
                })
              }
              className={buttonClass('danger', 'sm', 'ml-auto')}
            >
              Sign out everywhere
            </button>
          </div>
          <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-xs dark:divide-zinc-800 dark:border-zinc-800">
            {(sessions ?? []).map((session) => (
              <li
                key={session.id}
                data-testid="session-row"
                className="flex items-center gap-2 px-3 py-2"
              >
                <span
                  className="min-w-0 flex-1 truncate text-zinc-700 dark:text-zinc-300"
                  title={session.userAgent ?? ''}
                >
                  {session.userAgent ?? 'Unknown browser'} ·{' '}
                  {session.ipAddress ?? 'unknown address'} · since{' '}
                  {new Date(session.createdAt).toLocaleString()}
                </span>
                <button
                  type="button"
                  onClick={() =>
                    void attempt(async () => {
                      await api.endSession(session.token);
                      setSessions((now) => (now ?? []).filter((other) => other.id !== session.id));
                    })
                  }
                  className={buttonClass('ghost', 'sm')}
                >
                  End
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="tokens-title" className="grid gap-2">
        <h2 id="tokens-title" className="text-sm font-semibold">
          API tokens
        </h2>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          For scripts and CI: send <code>Authorization: Bearer &lt;token&gt;</code> to the HTTP API
          (docs/api.md). A token acts as you; it is shown once.
        </p>
        <form
          action={(form) =>
            void attempt(async () => {
              const created = await api.createApiToken(String(form.get('name')));
              setTokens((now) => [created.apiToken, ...now]);
              setFresh(created.token);
            })
          }
          className="flex gap-2"
        >
          <input
            name="name"
            required
            aria-label="Token name"
            placeholder="What it is for, e.g. nightly eval"
            className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
          <button type="submit" className={buttonClass('primary', 'md')}>
            New token
          </button>
        </form>
        {fresh && (
          <div className="flex items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-xs dark:bg-amber-950/40">
            <code data-testid="new-token" className="min-w-0 flex-1 truncate">
              {fresh}
            </code>
            <CopyButton text={() => fresh} testId="copy-token" title="Copy the token" />
          </div>
        )}
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-xs dark:divide-zinc-800 dark:border-zinc-800">
          {tokens.map((token) => (
            <li key={token.id} className="flex items-center gap-2 px-3 py-2">
              <span className="min-w-0 flex-1 truncate">
                {token.name}{' '}
                <code className="text-zinc-600 dark:text-zinc-400">{token.prefix}…</code>{' '}
                <span className="text-zinc-600 dark:text-zinc-400">
                  {token.lastUsedAt
                    ? `used ${new Date(token.lastUsedAt).toLocaleString()}`
                    : 'never used'}
                </span>
              </span>
              <button
                type="button"
                onClick={() =>
                  void attempt(async () => {
                    await api.revokeApiToken(token.id);
                    setTokens((now) => now.filter((other) => other.id !== token.id));
                  })
                }
                className={buttonClass('ghost', 'sm')}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
