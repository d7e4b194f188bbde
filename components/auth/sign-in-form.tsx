'use client';

import Link from 'next/link';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { submitForm } from '@/components/ui/submit-form';
import { api, messageOf } from '@/lib/client/api';
import { AuthField } from './auth-field';

export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (form: FormData) => {
    setBusy(true);
    setError(null);
    try {
      await api.signIn({
        email: String(form.get('email')),
        password: String(form.get('password')),
      });
      // A full load: the session cookie is new, every server component must see it.
      window.location.assign(next);
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => submitForm(event, submit)} className="grid gap-4">
      <div>
        <h1 className="text-base font-semibold">Sign in to Versus</h1>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Compare models side by side, vote blind, share.
        </p>
      </div>
      <AuthField label="Email" name="email" type="email" autoComplete="email" />
      <AuthField label="Password" name="password" type="password" autoComplete="current-password" />
      <ErrorNote message={error} />
      <button type="submit" disabled={busy} className={buttonClass('primary', 'md', 'w-full')}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="text-center text-xs text-zinc-600 dark:text-zinc-400">
        No account yet?{' '}
        <Link
          href="/sign-up"
          className="text-indigo-700 underline underline-offset-2 dark:text-indigo-400"
        >
          Ask to join
        </Link>
      </p>
    </form>
  );
}
