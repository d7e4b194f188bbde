import type { ModelRating } from '@/lib/arena/ratings';
import { niceTicks } from '@/lib/client/nice-ticks';

/**
 * Ratings with their 95 % intervals on one axis, highest first: where two bars overlap, the
 * data do not tell those two models apart yet. Plain SVG, drawn on the server.
 */
export function RatingChart({ ratings }: { ratings: ModelRating[] }) {
  if (ratings.length === 0) return null;
  const low = Math.min(...ratings.map((rating) => rating.lower));
  const high = Math.max(...ratings.map((rating) => rating.upper));
  const pad = Math.max(10, (high - low) * 0.05);
  const [from, to] = [low - pad, high + pad];
  const rowHeight = 22;
  const labelWidth = 200;
  const width = 720;
  const plot = width - labelWidth - 16;
  const x = (value: number) => labelWidth + ((value - from) / (to - from)) * plot;
  const height = ratings.length * rowHeight + 24;
  const ticks = niceTicks(from, to).map(Math.round);
  return (
    <figure className="grid gap-1">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard user must be able to scroll it on a phone. */}
      <div className="overflow-x-auto" tabIndex={0}>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="w-full max-w-3xl min-w-[36rem] text-zinc-900 dark:text-zinc-100"
          role="img"
          aria-label="Ratings with their 95 % intervals"
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                x1={x(tick)}
                x2={x(tick)}
                y1={0}
                y2={height - 18}
                className="stroke-zinc-200 dark:stroke-zinc-800"
              />
              <text
                x={x(tick)}
                y={height - 4}
                textAnchor="middle"
                className="fill-zinc-600 text-[10px] dark:fill-zinc-400"
              >
                {tick}
              </text>
            </g>
          ))}
          {ratings.map((rating, index) => {
            const y = index * rowHeight + rowHeight / 2;
            return (
              <g key={rating.model}>
                <text
                  x={labelWidth - 8}
                  y={y + 4}
                  textAnchor="end"
                  className="fill-current font-mono text-[11px]"
                >
                  {rating.model.length > 28 ? `…${rating.model.slice(-27)}` : rating.model}
                </text>
                <line
                  x1={x(rating.lower)}
                  x2={x(rating.upper)}
                  y1={y}
                  y2={y}
                  strokeWidth={4}
                  strokeLinecap="round"
                  className="stroke-indigo-300 dark:stroke-indigo-800"
                />
                <circle
                  cx={x(rating.rating)}
                  cy={y}
                  r={4}
                  className="fill-indigo-600 dark:fill-indigo-400"
                />
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="text-xs text-zinc-600 dark:text-zinc-400">
        Dot: rating. Bar: 95 % interval from bootstrap resampling of battles.
      </figcaption>
    </figure>
  );
}
