import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { isFirstAccount } from '@/lib/auth/first-account';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  await connection();
  // A fresh instance has no one to sign in: its first visitor creates the admin account.
  if (await isFirstAccount()) redirect('/sign-up');
  const { next } = await searchParams;
  // Only a path of this app: never an address elsewhere.
  const target = typeof next === 'string' && /^\/(?!\/)/.test(next) ? next : '/';
  return <SignInForm next={target} />;
}
