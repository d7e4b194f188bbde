import { z } from 'zod';
import { battleOutcomeSchema } from '@/lib/api/inputs';
import { type StyleCounts, styleCountsSchema, type Vote } from '@/lib/arena/vote';

/** A stored vote or verdict, as the leaderboard reads it. */
export interface StoredVote {
  id: string;
  scope: string;
  blind: boolean;
  outcome: string;
  models: string;
  style: string;
}

const modelsSchema = z.array(
  z.object({
    backendLabel: z.string(),
    model: z.string(),
    parameterSize: z.string().nullable(),
    quantization: z.string().nullable(),
  }),
);
const stylesSchema = z.array(styleCountsSchema);
export type StoredModel = z.infer<typeof modelsSchema>[number];

/**
 * The pairwise votes the ratings fit, from a battle's vote (one pair) or a named verdict on a
 * turn of N columns: the best column beat each of the others; a tie is a tie between every
 * pair. Models are keyed by their id: deepseek-r1:7b is one model on any Ollama server. Each
 * pair of a verdict is its own "battle" for the bootstrap (they are separate comparisons).
 */
export function votesToPairs(stored: StoredVote): { pairs: Vote[]; models: StoredModel[] } {
  const models = modelsSchema.safeParse(JSON.parse(stored.models));
  const styles = stylesSchema.safeParse(JSON.parse(stored.style));
  if (!models.success) return { pairs: [], models: [] };
  const style = (x: number, y: number) => {
    const a: StyleCounts | undefined = styles.data?.[x];
    const b: StyleCounts | undefined = styles.data?.[y];
    return a && b ? { style: { a, b } } : {};
  };
  const key = (position: number) => models.data[position]?.model ?? '';
  if (stored.scope === 'battle') {
    const outcome = battleOutcomeSchema.safeParse(stored.outcome);
    if (!outcome.success || models.data.length !== 2) return { pairs: [], models: models.data };
    const pair = {
      a: key(0),
      b: key(1),
      outcome: outcome.data,
      battleId: stored.id,
      ...style(0, 1),
    };
    return { pairs: [pair], models: models.data };
  }
  const pairs: Vote[] = [];
  const count = models.data.length;
  const best = stored.outcome === 'tie' ? null : Number(stored.outcome);
  for (let x = 0; x < count; x += 1) {
    for (let y = x + 1; y < count; y += 1) {
      if (best !== null && x !== best && y !== best) continue;
      const outcome = best === null ? 'tie' : best === x ? 'a' : 'b';
      pairs.push({
        a: key(x),
        b: key(y),
        outcome,
        battleId: `${stored.id}:${x}:${y}`,
        ...style(x, y),
      });
    }
  }
  return { pairs, models: models.data };
}
