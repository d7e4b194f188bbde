import type { Metadata } from 'next';
import { connection } from 'next/server';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { isFirstAccount } from '@/lib/auth/first-account';

export const metadata: Metadata = { title: 'Create an account' };

type Props = { searchParams: Promise<{ invite?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  await connection();
  const { invite } = await searchParams;
  return (
    <SignUpForm
      firstRun={await isFirstAccount()}
      invite={typeof invite === 'string' ? invite : undefined}
    />
  );
}
