import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

export default function NotFound() {
  return (
    <div className="grid flex-1 place-items-center p-6">
      <div className="text-center">
        <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400">404</p>
        <h1 className="mt-1 text-base font-semibold">No such comparison</h1>
        <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">It may have been deleted.</p>
        <Link href="/" className={buttonClass('secondary', 'md', 'mt-4')}>
          New comparison
        </Link>
      </div>
    </div>
  );
}
