import { Button } from '@/components/ui/button';
import { ChevronIcon } from '@/components/ui/icons';
import { groupDigits } from '@/lib/client/group-digits';

/**
 * Above a column's first shown prompt while earlier ones exist: the page shows the latest
 * turns only, and loads earlier ones (in every column at once) when asked.
 */
export function EarlierTurns({
  count,
  loading,
  onLoad,
}: {
  count: number;
  loading: boolean;
  onLoad: () => void;
}) {
  return (
    <div className="flex justify-center">
      <Button
        variant="ghost"
        size="sm"
        data-testid="earlier-turns"
        disabled={loading}
        aria-busy={loading}
        onClick={onLoad}
        className="text-zinc-500"
      >
        <ChevronIcon className="size-3 -rotate-90" />
        {loading ? 'Loading earlier prompts…' : `Show earlier prompts · ${groupDigits(count)} more`}
      </Button>
    </div>
  );
}
