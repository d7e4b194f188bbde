'use client';

import Link from 'next/link';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { submitForm } from '@/components/ui/submit-form';
import { api, messageOf } from '@/lib/client/api';
import { AuthField } from './auth-field';

/**
 * A new account: on a fresh instance the admin's, through an invite one that is approved at
 * once, else one that waits for the admin.
 */
export function SignUpForm({ firstRun, invite }: { firstRun: boolean; invite?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waiting, setWaiting] = useState(false);

  const submit = async (form: FormData) => {
    setBusy(true);
    setError(null);
    const email = String(form.get('email'));
    const password = String(form.get('password'));
    try {
      const { outcome } = await api.signUp({
        name: String(form.get('name')),
        email,
        password,
        invite,
      });
      if (outcome === 'pending') {
        setWaiting(true);
        return;
      }
      await api.signIn({ email, password });
      window.location.assign('/');
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  };

  if (waiting) {
    return (
      <div className="grid gap-2" data-testid="sign-up-pending">
        <h1 className="text-base font-semibold">Almost there</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          If this address can join, an admin will approve the account; then sign in with it.
        </p>
        <Link href="/sign-in" className={buttonClass('secondary', 'md', 'mt-2')}>
          Back to sign-in
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={(event) => submitForm(event, submit)} className="grid gap-4">
      <div>
        <h1 className="text-base font-semibold">
          {firstRun ? 'Create the admin account' : 'Create an account'}
        </h1>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {firstRun
            ? 'This is a fresh Versus. Its first account is the admin: it approves the others and manages backends.'
            : invite
              ? 'You were invited: your account is ready as soon as you create it.'
              : 'An admin approves new accounts before they can sign in.'}
        </p>
      </div>
      <AuthField label="Name" name="name" autoComplete="name" />
      <AuthField label="Email" name="email" type="email" autoComplete="email" />
      <AuthField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        hint="At least 10 characters."
      />
      <ErrorNote message={error} />
      <button type="submit" disabled={busy} className={buttonClass('primary', 'md', 'w-full')}>
        {busy ? 'Creating…' : firstRun ? 'Create the admin account' : 'Create account'}
      </button>
      {!firstRun && (
        <p className="text-center text-xs text-zinc-600 dark:text-zinc-400">
          Have an account?{' '}
          <Link
            href="/sign-in"
            className="text-indigo-700 underline underline-offset-2 dark:text-indigo-400"
          >
            Sign in
          </Link>
        </p>
      )}
    </form>
  );
}
