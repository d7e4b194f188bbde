import { formatRate, shortModelName } from '@/components/chat/format';
import type { SuiteRunView } from '@/lib/api/suite-views';
import { speedByPrompt } from '@/lib/suites/run-stats';
import { modelColor } from './model-colors';

/** Tokens per second per task, one bar per model, all on one scale. */
export function SpeedBars({ run }: { run: SuiteRunView }) {
  const speeds = speedByPrompt(run);
  const fastest = Math.max(0, ...speeds.flat().map((speed) => speed ?? 0));
  if (fastest === 0) return null;
  return (
    <div className="grid grid-cols-1 gap-3">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Models">
        {run.models.map((model) => (
          <li key={model.position} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={`size-2 rounded-full ${modelColor(model.position).bg}`}
            />
            <span className="font-mono">{shortModelName(model.model)}</span>
          </li>
        ))}
      </ul>
      <dl className="grid grid-cols-1 gap-3">
        {run.prompts.map((prompt, promptIndex) => (
          <div key={prompt.id} className="grid grid-cols-1 gap-1 sm:grid-cols-[10rem_1fr] sm:gap-3">
            <dt className="truncate text-xs font-medium" title={prompt.title}>
              {prompt.title}
            </dt>
            <dd className="grid grid-cols-1 gap-0.5">
              {run.models.map((model) => {
                const speed = speeds[promptIndex]?.[model.position] ?? null;
                return (
                  <div key={model.position} className="flex items-center gap-2">
                    <span
                      className={`h-2.5 rounded-sm ${modelColor(model.position).bg}`}
                      style={{
                        width: `${speed === null ? 0 : Math.max(1, (speed / fastest) * 80)}%`,
                      }}
                    />
                    <span className="text-[11px] text-zinc-600 tabular-nums dark:text-zinc-400">
                      {speed === null ? '–' : `${formatRate(speed)} tok/s`}
                      <span className="sr-only"> {model.model}</span>
                    </span>
                  </div>
                );
              })}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
