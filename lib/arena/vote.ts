import { z } from 'zod';

// The input of the ratings: one verdict on one blind battle. The schemas are for the code that
// takes votes and style counts in (the vote route, the battle's completion); the ratings trust
// their typed input and check only what would break the arithmetic.

/** One side's counts, from `styleCountsOf` (style-counts.ts): one measure for every model. */
export const styleCountsSchema = z.object({
  answerTokens: z.number().nonnegative(),
  reasoningTokens: z.number().nonnegative(),
  headers: z.number().nonnegative(),
  lists: z.number().nonnegative(),
  bold: z.number().nonnegative(),
});
export type StyleCounts = z.infer<typeof styleCountsSchema>;

export const styleFeaturesSchema = z.object({ a: styleCountsSchema, b: styleCountsSchema });
export type StyleFeatures = z.infer<typeof styleFeaturesSchema>;

/** The style covariates, in the order of the style coefficients. */
export const styleFeatureNames = [
  'answerTokens',
  'reasoningTokens',
  'headers',
  'lists',
  'bold',
] as const satisfies readonly (keyof StyleCounts)[];
export type StyleFeatureName = (typeof styleFeatureNames)[number];

export const outcomeSchema = z.enum(['a', 'b', 'tie', 'bothbad']);
export type Outcome = z.infer<typeof outcomeSchema>;

/** One voter's verdict; `a` and `b` are model keys. Every vote on a battle has the same a, b, style. */
export const voteSchema = z.object({
  a: z.string().min(1),
  b: z.string().min(1),
  outcome: outcomeSchema,
  battleId: z.string().min(1),
  style: styleFeaturesSchema.optional(),
});
export type Vote = z.infer<typeof voteSchema>;

export const ratingsOptionsSchema = z.object({
  /** Fit answer length, reasoning length and Markdown as covariates (LMArena's style control). */
  styleControl: z.boolean().default(false),
  /** Bootstrap rounds behind the 95 % intervals. */
  rounds: z.number().int().min(1).max(100_000).default(1000),
  /** Seed of the bootstrap; by default a hash of the votes, so the same votes give the same output. */
  seed: z.number().int().min(0).max(0xffff_ffff).optional(),
  /**
   * Precision of the Gaussian prior on every log-strength (and style coefficient). 0.25 is the
   * curvature of one virtual tie against an average model: prior SD 2 log-odds ≈ 350 points.
   */
  prior: z.number().positive().max(100).default(0.25),
});
export type RatingsOptions = z.input<typeof ratingsOptionsSchema>;
export type ResolvedRatingsOptions = z.output<typeof ratingsOptionsSchema>;
