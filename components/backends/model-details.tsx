import type { ModelInfo } from '@/lib/backends/types';

const GB = 1024 ** 3;

function sizeOf(bytes: number | undefined): string | null {
  if (bytes === undefined) return null;
  return bytes >= GB ? `${(bytes / GB).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

/** What a backend reported of one model: size, quantisation, family, context, capabilities. */
export function modelFacts(model: ModelInfo): string[] {
  return [
    model.parameterSize,
    model.quantization,
    model.family,
    sizeOf(model.sizeBytes),
    model.contextLength ? `${model.contextLength.toLocaleString('en')} ctx` : undefined,
    model.ownedBy ? `owned by ${model.ownedBy}` : undefined,
  ].filter((fact): fact is string => Boolean(fact));
}

/** Capabilities worth a badge: the ones a comparison depends on. */
const BADGES = ['thinking', 'tools', 'vision'];

/** A model's name, what the backend reports of it, and its capabilities worth a badge. */
export function ModelSummary({ model }: { model: ModelInfo }) {
  return (
    <>
      <span className="font-mono font-medium text-zinc-900 dark:text-zinc-100">{model.id}</span>
      <span className="text-zinc-600 dark:text-zinc-400">{modelFacts(model).join(' · ')}</span>
      {(model.capabilities ?? [])
        .filter((capability) => BADGES.includes(capability))
        .map((capability) => (
          <span
            key={capability}
            className="rounded bg-indigo-50 px-1 text-[11px] text-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-300"
          >
            {capability}
          </span>
        ))}
    </>
  );
}

/** A backend's models, one line each, with what it reports of them. */
export function ModelDetails({ models }: { models: ModelInfo[] }) {
  if (models.length === 0) {
    return <p className="text-xs text-zinc-600 dark:text-zinc-400">No models yet.</p>;
  }
  return (
    <ul className="grid gap-1" data-testid="model-list">
      {models.map((model) => (
        <li
          key={model.id}
          data-testid="model-row"
          className="flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-0.5 text-xs"
        >
          <ModelSummary model={model} />
          {model.digest && (
            <span
              title={`digest ${model.digest}`}
              className="font-mono text-[11px] text-zinc-600 dark:text-zinc-400"
            >
              {model.digest.replace(/^sha256:/, '').slice(0, 12)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
