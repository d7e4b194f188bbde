import type { Leaderboard } from '@/lib/arena/ratings';
import { FEW_BATTLES, type ModelFacts } from '@/lib/battles/leaderboard';

const points = (value: number) => Math.round(value).toString();

/**
 * One row per model, best first: rating with its 95 % interval, the style-controlled rating
 * beside it when asked for, battles, wins / ties / losses and win rate.
 */
export function RatingsTable({
  plain,
  styled,
  models,
}: {
  plain: Leaderboard;
  styled: Leaderboard | null;
  models: Record<string, ModelFacts>;
}) {
  const styledOf = new Map(styled?.ratings.map((rating) => [rating.model, rating]));
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard user must be able to scroll a wide table.
    <section className="overflow-x-auto" tabIndex={0} aria-label="Ratings">
      <table
        className="w-full min-w-[40rem] border-collapse text-sm tabular-nums"
        data-testid="ratings"
      >
        <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th scope="col" className="py-2 pr-2 font-medium">
              #
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Model
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Rating (95 %)
            </th>
            {styled && (
              <th scope="col" className="py-2 pr-4 font-medium">
                Style-controlled
              </th>
            )}
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              Battles
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              W / T / L
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Win rate
            </th>
          </tr>
        </thead>
        <tbody>
          {plain.ratings.map((rating, index) => {
            const facts = models[rating.model];
            const other = styledOf.get(rating.model);
            const few = rating.battles < FEW_BATTLES;
            return (
              <tr
                key={rating.model}
                data-testid="rating-row"
                className="border-b border-zinc-100 align-top dark:border-zinc-900"
              >
                <td className="py-2 pr-2 text-zinc-600 dark:text-zinc-400">{index + 1}</td>
                <td className="py-2 pr-4">
                  <div className="font-mono text-[13px] font-semibold" data-testid="rating-model">
                    {rating.model}
                  </div>
                  <div className="text-xs text-zinc-600 dark:text-zinc-400">
                    {[facts?.backends.join(', '), facts?.parameterSize, facts?.quantization]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                  {few && (
                    <div
                      className="text-xs text-amber-800 dark:text-amber-400"
                      data-testid="few-battles"
                    >
                      Only {rating.battles} battle{rating.battles === 1 ? '' : 's'}: too few for
                      this rating to mean much.
                    </div>
                  )}
                </td>
                <td className="py-2 pr-4">
                  <span className="font-semibold" data-testid="rating-value">
                    {points(rating.rating)}
                  </span>{' '}
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">
                    {points(rating.lower)}–{points(rating.upper)}
                  </span>
                </td>
                {styled && (
                  <td className="py-2 pr-4">
                    {other ? (
                      <>
                        <span className="font-semibold">{points(other.rating)}</span>{' '}
                        <span className="text-xs text-zinc-600 dark:text-zinc-400">
                          {points(other.lower)}–{points(other.upper)}
                        </span>
                      </>
                    ) : (
                      <span className="text-xs text-zinc-600 dark:text-zinc-400">
                        no style data
                      </span>
                    )}
                  </td>
                )}
                <td className="py-2 pr-4 text-right">{rating.battles}</td>
                <td className="py-2 pr-4 text-right">
                  {rating.wins} / {rating.ties} / {rating.losses}
                </td>
                <td className="py-2 text-right">{Math.round(rating.winRate * 100)} %</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
