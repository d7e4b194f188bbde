import { z } from 'zod';
import { suiteCheckSchema } from '@/lib/suites/checks';
import { lineupSlotSchema, runModeSchema } from './inputs';

/** Settings that override every slot's for a fair run: one system prompt, one temperature. */
export const suiteSettingsSchema = z
  .object({
    systemPrompt: z.string().max(20_000).optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().min(1).max(262_144).optional(),
  })
  .strict();
export type SuiteSettings = z.infer<typeof suiteSettingsSchema>;

/** One prompt of a suite; its id stays when the suite is edited, so runs compare by it. */
export const suitePromptSchema = z
  .object({
    id: z.string().trim().min(1).max(40).optional(),
    title: z.string().trim().min(1).max(120),
    prompt: z.string().trim().min(1).max(100_000),
    check: suiteCheckSchema,
  })
  .strict();

export const MAX_SUITE_PROMPTS = 200;

export const saveSuiteSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    prompts: z.array(suitePromptSchema).min(1).max(MAX_SUITE_PROMPTS),
    settings: suiteSettingsSchema.default({}),
  })
  .strict();
export type SaveSuiteInput = z.input<typeof saveSuiteSchema>;

export const suiteRunModeSchema = z.enum(['compare', 'blind']);

/**
 * A run: the lineup (its slots' own parameters apply where the suite sets none), how many times
 * each prompt is asked, and whether items run as comparisons or as blind battles (two models).
 */
export const startSuiteRunSchema = z
  .object({
    lineup: z.array(lineupSlotSchema).min(1).max(6),
    repeats: z.number().int().min(1).max(10).default(1),
    mode: suiteRunModeSchema.default('compare'),
    runMode: runModeSchema.default('sequential'),
  })
  .strict()
  .refine((run) => run.mode === 'compare' || run.lineup.length === 2, {
    message: 'A blind run pits exactly two models against each other.',
    path: ['lineup'],
  })
  .refine(
    (run) =>
      new Set(run.lineup.map((slot) => `${slot.backendId}\u0000${slot.model}`)).size ===
      run.lineup.length,
    { message: 'Each model may appear once in a run’s lineup.', path: ['lineup'] },
  );
export type StartSuiteRunInput = z.input<typeof startSuiteRunSchema>;

/** Pause or resume a run. */
export const updateSuiteRunSchema = z.object({ status: z.enum(['paused', 'running']) }).strict();

/** A person's verdict on one cell (a lineup position of an item); null hands it back to judge. */
export const judgeCellSchema = z
  .object({
    itemId: z.string().min(1).max(64),
    position: z.number().int().min(0).max(5),
    verdict: z.enum(['pass', 'fail']).nullable(),
  })
  .strict();

export const suiteRunExportQuerySchema = z.object({
  format: z.enum(['csv', 'json', 'markdown']).default('csv'),
});

export const suiteRunQuerySchema = z.object({ vs: z.string().max(64).optional() });
