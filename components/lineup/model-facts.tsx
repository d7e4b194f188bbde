import type { ModelInfo } from '@/lib/backends/types';
import { groupDigits } from '@/lib/client/group-digits';

/** What the backend reports about the chosen model, as small facts; nothing when unknown. */
export function ModelFacts({ model }: { model: ModelInfo | undefined }) {
  const facts = [
    model?.parameterSize,
    model?.quantization,
    model?.family,
    model?.contextLength ? `ctx ${groupDigits(model.contextLength)}` : undefined,
    model?.supportsThinking ? 'thinking' : undefined,
  ].filter((fact): fact is string => Boolean(fact));

  return (
    <p
      className="flex min-h-5 flex-wrap gap-1"
      title={model?.digest ? `digest ${model.digest}` : undefined}
    >
      {facts.map((fact) => (
        <span
          key={fact}
          className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[10.5px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400"
        >
          {fact}
        </span>
      ))}
      {model && facts.length === 0 && (
        <span className="text-[11px] text-zinc-500 dark:text-zinc-400">
          The backend reports no details for this model.
        </span>
      )}
    </p>
  );
}
