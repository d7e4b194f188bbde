import { formatRate, shortModelName } from '@/components/chat/format';
import type { RunModelView } from '@/lib/api/suite-views';
import { niceTicks } from '@/lib/client/nice-ticks';
import type { ModelSummary } from '@/lib/suites/run-stats';
import { modelColor } from './model-colors';

const WIDTH = 560;
const HEIGHT = 300;
const PAD = { left: 44, right: 16, top: 12, bottom: 36 };

/**
 * Quality against speed, one dot per model: pass rate up, median tokens per second across (a
 * log scale when the fastest is over ten times the slowest, as a distill ladder's often is).
 */
export function QualitySpeedChart({
  models,
  summaries,
}: {
  models: RunModelView[];
  summaries: ModelSummary[];
}) {
  const points = summaries.flatMap((summary) => {
    const model = models[summary.position];
    return model && summary.passRate !== null && summary.medianTokensPerSecond !== null
      ? [{ model, rate: summary.passRate, speed: summary.medianTokensPerSecond }]
      : [];
  });
  if (points.length === 0) {
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400">
        The chart fills in as answers are judged.
      </p>
    );
  }
  const speeds = points.map((point) => point.speed);
  const [low, high] = [Math.min(...speeds), Math.max(...speeds)];
  const log = high / Math.max(low, 0.01) > 10;
  const from = log ? 10 ** Math.floor(Math.log10(Math.max(low, 0.01))) : 0;
  const to = log ? 10 ** Math.ceil(Math.log10(high)) : high * 1.15 || 1;
  const scale = (value: number) =>
    log
      ? (Math.log10(value) - Math.log10(from)) / (Math.log10(to) - Math.log10(from))
      : (value - from) / (to - from);
  const x = (value: number) => PAD.left + scale(value) * (WIDTH - PAD.left - PAD.right);
  const y = (rate: number) => PAD.top + (1 - rate) * (HEIGHT - PAD.top - PAD.bottom);
  const crowded = (point: (typeof points)[number]) =>
    points.some(
      (other) =>
        other !== point &&
        Math.abs(x(other.speed) - x(point.speed)) < 90 &&
        Math.abs(y(other.rate) - y(point.rate)) < 16,
    );
  const xTicks = log
    ? Array.from({ length: Math.log10(to / from) + 1 }, (_, index) => from * 10 ** index)
    : niceTicks(from, to);
  return (
    <figure className="grid grid-cols-1 gap-1">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="w-full max-w-xl text-zinc-900 dark:text-zinc-100"
        role="img"
        aria-label={`Pass rate against median tokens per second: ${points
          .map(
            (point) =>
              `${point.model.model} ${Math.round(point.rate * 100)}% at ${point.speed.toFixed(1)} tok/s`,
          )
          .join('; ')}`}
      >
        {[0, 0.25, 0.5, 0.75, 1].map((rate) => (
          <g key={rate}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(rate)}
              y2={y(rate)}
              className="stroke-zinc-200 dark:stroke-zinc-800"
            />
            <text
              x={PAD.left - 6}
              y={y(rate) + 3}
              textAnchor="end"
              className="fill-zinc-600 text-[10px] dark:fill-zinc-400"
            >
              {rate * 100}%
            </text>
          </g>
        ))}
        {xTicks.map((tick) => (
          <text
            key={tick}
            x={x(tick)}
            y={HEIGHT - PAD.bottom + 14}
            textAnchor="middle"
            className="fill-zinc-600 text-[10px] dark:fill-zinc-400"
          >
            {tick}
          </text>
        ))}
        <text
          x={(WIDTH + PAD.left) / 2}
          y={HEIGHT - 4}
          textAnchor="middle"
          className="fill-zinc-600 text-[10px] dark:fill-zinc-400"
        >
          median tokens per second{log ? ' (log scale)' : ''}
        </text>
        {points.map((point) => (
          <g key={point.model.position}>
            <circle
              cx={x(point.speed)}
              cy={y(point.rate)}
              r={6}
              className={`${modelColor(point.model.position).fill} stroke-white dark:stroke-zinc-950`}
            />
            {/* Dots close together are named in the legend only: their labels would overlap. */}
            {!crowded(point) && (
              <text
                x={x(point.speed) + (x(point.speed) > WIDTH * 0.7 ? -9 : 9)}
                y={y(point.rate) + (point.rate > 0.9 ? 14 : -6)}
                textAnchor={x(point.speed) > WIDTH * 0.7 ? 'end' : 'start'}
                className="fill-current font-mono text-[11px]"
              >
                {shortModelName(point.model.model)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="grid grid-cols-1 gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {points.map((point) => (
            <li key={point.model.position} className="flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className={`size-2 rounded-full ${modelColor(point.model.position).bg}`}
              />
              <span className="font-mono text-zinc-900 dark:text-zinc-100">
                {shortModelName(point.model.model)}
              </span>
              <span className="tabular-nums">
                {Math.round(point.rate * 100)}% · {formatRate(point.speed)} tok/s
              </span>
            </li>
          ))}
        </ul>
        Up is better answers, right is faster. Pass rate counts judged answers only.
      </figcaption>
    </figure>
  );
}
