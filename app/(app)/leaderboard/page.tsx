import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { PageHeader } from '@/components/layout/page-header';
import { RatingChart } from '@/components/leaderboard/rating-chart';
import { RatingsTable } from '@/components/leaderboard/ratings-table';
import { WinRateMatrix } from '@/components/leaderboard/win-rate-matrix';
import { buttonClass } from '@/components/ui/button';
import { leaderboardQuerySchema } from '@/lib/api/inputs';
import { getLeaderboard } from '@/lib/battles/leaderboard';

export const metadata: Metadata = { title: 'Leaderboard' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LeaderboardPage({ searchParams }: Props) {
  await connection();
  const query = leaderboardQuerySchema.safeParse(await searchParams);
  const { named, style } = query.success ? query.data : { named: false, style: false };
  const board = await getLeaderboard({ named, style });
  const href = (next: { named: boolean; style: boolean }) => {
    const params = new URLSearchParams();
    if (next.named) params.set('named', '1');
    if (next.style) params.set('style', '1');
    const search = params.toString();
    return search ? `/leaderboard?${search}` : '/leaderboard';
  };
  const { plain, styled } = board;
  return (
    <>
      <PageHeader title="Leaderboard" />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <div className="mx-auto grid w-full max-w-6xl gap-6 px-3 py-5 sm:px-6">
          <fieldset className="flex flex-wrap items-center gap-2">
            <legend className="sr-only">What the ratings count</legend>
            <Toggle href={href({ named: !named, style })} on={named} testId="toggle-named">
              Named verdicts too
            </Toggle>
            <Toggle href={href({ named, style: !style })} on={style} testId="toggle-style">
              Style control
            </Toggle>
            <p
              className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400"
              data-testid="vote-count"
            >
              {plain.votes} vote{plain.votes === 1 ? '' : 's'} from {plain.battles} battle
              {plain.battles === 1 ? '' : 's'}
              {named ? ', named verdicts included' : ', blind votes only'}
              {board.leakedVotes > 0 &&
                ` · ${board.leakedVotes} left out: the answers named their models`}
            </p>
          </fieldset>
          {plain.ratings.length === 0 ? (
            <div className="grid justify-items-start gap-2 py-6">
              <p className="text-sm">No votes yet.</p>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                Start a blind battle, ask the two hidden models anything and vote: the ratings
                appear here.
              </p>
              <Link href="/battle" className={buttonClass('primary', 'md')}>
                Start a blind battle
              </Link>
            </div>
          ) : (
            <>
              <RatingsTable plain={plain} styled={styled} models={board.models} />
              <section aria-labelledby="chart-title" className="grid gap-2">
                <h2 id="chart-title" className="text-sm font-semibold">
                  Ratings and their intervals{styled ? ' (without style control)' : ''}
                </h2>
                <RatingChart ratings={plain.ratings} />
              </section>
              {styled?.style && (
                <section aria-labelledby="style-title" className="grid gap-1">
                  <h2 id="style-title" className="text-sm font-semibold">
                    What style is worth
                  </h2>
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    Log-odds of winning per standard deviation of the difference between the two
                    answers, with 95 % intervals; the style-controlled ratings are what is left.
                  </p>
                  <ul className="grid gap-0.5 text-xs tabular-nums">
                    {styled.style.map((coefficient) => (
                      <li key={coefficient.feature}>
                        <span className="inline-block w-36 font-mono">{coefficient.feature}</span>
                        {coefficient.coefficient.toFixed(2)} ({coefficient.lower.toFixed(2)} to{' '}
                        {coefficient.upper.toFixed(2)})
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              <section aria-labelledby="matrix-title" className="grid gap-2">
                <h2 id="matrix-title" className="text-sm font-semibold">
                  Head to head
                </h2>
                <WinRateMatrix matrix={plain.matrix} />
              </section>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                Bradley–Terry ratings (1000 is the average; 400 points are a factor of 10 in the
                odds of winning), 95 % intervals from {plain.rounds} bootstrap rounds over battles.
                A tie counts half a win for each side; “both are bad” counts as a tie.
              </p>
            </>
          )}
        </div>
      </div>
    </>
  );
}

function Toggle({
  href,
  on,
  testId,
  children,
}: {
  href: string;
  on: boolean;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <Link
      href={href}
      role="switch"
      aria-checked={on}
      data-testid={testId}
      className={buttonClass(on ? 'primary' : 'secondary', 'sm')}
    >
      {children}
    </Link>
  );
}
