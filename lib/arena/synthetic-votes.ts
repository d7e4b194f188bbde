// Votes drawn from known ratings, for the tests and the benchmark: the truth the fit must find.
import { Random } from './random';
import { POINTS_PER_LOG_ODDS } from './ratings';
import type { Outcome, Vote } from './vote';

export type SyntheticModel = {
  key: string;
  /** True rating on the leaderboard's scale. */
  rating: number;
  /** Typical answer length in tokens (default 400). */
  verbosity?: number;
};

export type SyntheticOptions = {
  models: readonly SyntheticModel[];
  battles: number;
  seed: number;
  /** Share of the closest matches (p = ½) that end level; fewer as p moves away from ½. */
  tieShare?: number;
  /** Log-odds added per unit of (length A − length B) / (length A + length B). */
  lengthEffect?: number;
  votersPerBattle?: number;
};

/**
 * Battles between random pairs, A and B in random order. P(A scores) = σ(ΔRating + length
 * effect); ties take ½ a point from each side's chance, so A's expected score stays P.
 */
export function syntheticVotes(options: SyntheticOptions): Vote[] {
  const { models, battles, seed, tieShare = 0.3, lengthEffect = 0, votersPerBattle = 1 } = options;
  const random = new Random(seed);
  const pick = () => models[Math.floor(random.float() * models.length)] as SyntheticModel;
  const votes: Vote[] = [];
  for (let battle = 0; battle < battles; battle++) {
    const a = pick();
    let b = pick();
    while (b === a) b = pick();
    const counts = (model: SyntheticModel) => ({
      answerTokens: Math.round((model.verbosity ?? 400) * (0.5 + random.float())),
      reasoningTokens: Math.floor(300 * random.float()),
      headers: Math.floor(4 * random.float()),
      lists: Math.floor(8 * random.float()),
      bold: Math.floor(6 * random.float()),
    });
    const style = { a: counts(a), b: counts(b) };
    const lengths = style.a.answerTokens + style.b.answerTokens;
    const ratio = lengths > 0 ? (style.a.answerTokens - style.b.answerTokens) / lengths : 0;
    const logOdds = (a.rating - b.rating) / POINTS_PER_LOG_ODDS + lengthEffect * ratio;
    const p = 1 / (1 + Math.exp(-logOdds));
    const tie = tieShare * 2 * Math.min(p, 1 - p);
    for (let voter = 0; voter < votersPerBattle; voter++) {
      const u = random.float();
      const outcome: Outcome =
        u < tie ? (u < tie / 2 ? 'tie' : 'bothbad') : u < tie + p - tie / 2 ? 'a' : 'b';
      votes.push({ a: a.key, b: b.key, outcome, battleId: `battle-${seed}-${battle}`, style });
    }
  }
  return votes;
}
