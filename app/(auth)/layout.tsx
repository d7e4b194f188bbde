import type { ReactNode } from 'react';

/** Signing in and up: one card in the middle, no sidebar (there is no one to show it for). */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="grid flex-1 place-items-center overflow-y-auto bg-zinc-50 p-4 dark:bg-zinc-900/40">
      <div className="grid w-full max-w-sm gap-3">
        <p className="text-center text-sm font-semibold tracking-tight">Versus</p>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-950">
          {children}
        </div>
      </div>
    </main>
  );
}
