import 'server-only';
import { z } from 'zod';
import { lineupSlotSchema, type SlotParams } from '@/lib/api/inputs';
import { suiteSettingsSchema } from '@/lib/api/suite-inputs';
import type { SuitePrompt } from '@/lib/api/suite-views';
import { storedPromptsSchema } from '../suite-rows';

/** The suite as a run copied it at its start. */
const snapshotSchema = z.object({
  name: z.string(),
  prompts: storedPromptsSchema,
  settings: suiteSettingsSchema,
});
export type RunSnapshot = z.infer<typeof snapshotSchema>;

const lineupSchema = z.array(lineupSlotSchema);
export type RunLineup = z.infer<typeof lineupSchema>;

/** The run's JSON columns, written only by us: a row that does not parse is a bug. */
export function parseRun(row: { snapshot: string; lineup: string }): {
  snapshot: RunSnapshot;
  lineup: RunLineup;
} {
  return {
    snapshot: snapshotSchema.parse(JSON.parse(row.snapshot)),
    lineup: lineupSchema.parse(JSON.parse(row.lineup)),
  };
}

/** A slot's parameters under the suite's: the suite's settings win, for a fair run. */
export function runParams(slot: SlotParams, settings: RunSnapshot['settings']): SlotParams {
  const params: SlotParams = { ...slot };
  if (settings.systemPrompt !== undefined) params.systemPrompt = settings.systemPrompt;
  if (settings.temperature !== undefined) params.temperature = settings.temperature;
  if (settings.maxTokens !== undefined) params.maxTokens = settings.maxTokens;
  return params;
}

export function itemTitle(suiteName: string, prompt: SuitePrompt, repeat: number, repeats: number) {
  const title = `${suiteName} · ${prompt.title}${repeats > 1 ? ` #${repeat + 1}` : ''}`;
  return title.slice(0, 200);
}
