import type { PairwiseMatrix } from '@/lib/arena/ratings';

/** Row against column: the row's share of points (ties ½) and how many votes that is from. */
export function WinRateMatrix({ matrix }: { matrix: PairwiseMatrix }) {
  if (matrix.models.length < 2) return null;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard user must be able to scroll a wide table.
    <section className="overflow-x-auto" tabIndex={0} aria-label="Pairwise win rates">
      <table className="border-collapse text-xs tabular-nums">
        <thead>
          <tr>
            <th
              scope="col"
              className="p-1.5 text-left font-normal text-zinc-600 dark:text-zinc-400"
            >
              row beats column
            </th>
            {matrix.models.map((model) => (
              <th
                key={model}
                scope="col"
                className="max-w-28 truncate p-1.5 text-left font-mono font-medium"
                title={model}
              >
                {model}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.models.map((row, i) => (
            <tr key={row}>
              <th
                scope="row"
                className="max-w-48 truncate p-1.5 text-left font-mono font-medium"
                title={row}
              >
                {row}
              </th>
              {matrix.models.map((column, j) => {
                const rate = matrix.winRate[i]?.[j] ?? null;
                const battles = matrix.battles[i]?.[j] ?? 0;
                return (
                  <td
                    key={column}
                    title={rate === null ? undefined : `${battles} vote${battles === 1 ? '' : 's'}`}
                    className="border border-zinc-200 p-1.5 text-center dark:border-zinc-800"
                    style={
                      rate === null
                        ? undefined
                        : {
                            backgroundColor: `color-mix(in oklab, ${rate >= 0.5 ? 'var(--color-emerald-500)' : 'var(--color-rose-500)'} ${Math.round(Math.abs(rate - 0.5) * 70)}%, transparent)`,
                          }
                    }
                  >
                    {rate === null ? '–' : `${Math.round(rate * 100)} %`}
                    {rate !== null && (
                      <span className="ml-1 text-[10px] text-zinc-600 dark:text-zinc-400">
                        {battles}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
