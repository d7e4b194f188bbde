/**
 * Identity leaks in a blind battle: what the two sides say of themselves lets the voter tell
 * which model is which. The vote is still recorded, but flagged and kept off the leaderboard.
 * Runs live, on every finished message; see identity-claims.ts for how a claim is read.
 *
 * The rule, for the claims C_A and C_B found in all of a side's answers and reasoning:
 * 1. Neither side claims anything, or both claim the same identity up to detail ("DeepSeek" and
 *    "DeepSeek-R1, by DeepSeek" are the same; "Qwen" and "Alibaba Cloud" too): no leak. Two R1
 *    distills that both say "I am DeepSeek-R1" tell the voter nothing.
 * 2. Otherwise a leak when some claim, of either side, points at exactly one of the two models.
 *    A claim points at the models whose id names it (identitiesOfModel's `named`); when it fits
 *    neither id, at those built on it (`lineage`). "I am DeepSeek-R1" in a deepseek-r1:7b-versus-
 *    llama3.2 battle points at the first; "I am Qwen" from deepseek-r1:7b (a Qwen distill)
 *    against qwen2.5 points at qwen2.5, which misleads the voter just as much. A claim that
 *    fits both models or neither (a Llama calling itself ChatGPT against a Qwen) singles out none.
 * A model whose id and family name nothing known is taken at its word: its own claims fit it.
 *
 * Known false positives: names a model gives a character in a story, a translation or a role
 * play ("I am Claude," said the robot) count as claims; so does unfenced code (print("I am GPT")).
 * Known false negatives: a claim that fits neither model but that voters know as one model's
 * habit (llama3.2 often says it is ChatGPT); versions beyond DeepSeek's R1/V3 ("GPT-4" against
 * "GPT-4o" are the same claim); 'deepseek-r1:8b' is not known to be a Llama underneath; style
 * and refusals that give a model away without naming it; phrasings outside the grammar in
 * identity-words.ts ("You are talking to Qwen", "I, DeepSeek-R1, …").
 */
import { type Identity, labelOf } from './identity-aliases';
import { detectSelfIdentification, mostSpecific } from './identity-claims';
import { identitiesOfModel, type ModelFacts, type ModelIdentities } from './identity-model-facts';

export type { Family, Identity, Maker, Variant } from './identity-aliases';
export { detectSelfIdentification } from './identity-claims';
export { identitiesOfModel, type ModelFacts } from './identity-model-facts';

/** One side of a battle: every answer and reasoning trace it has given, and its model. */
export interface BattleSide {
  texts: readonly string[];
  model: ModelFacts;
}

/** `reason` is a short sentence for the voter, shown with the vote, when the models are named. */
export type IdentityLeak = { leaked: false } | { leaked: true; reason: string };

const NO_LEAK: IdentityLeak = { leaked: false };

/** Could both describe one model: same maker, and no named family or variant that differs. */
function compatible(x: Identity, y: Identity): boolean {
  return (
    x.maker === y.maker &&
    (x.family === undefined || y.family === undefined || x.family === y.family) &&
    (x.variant === undefined || y.variant === undefined || x.variant === y.variant)
  );
}

function fits(claim: Identity, facts: readonly Identity[]): boolean {
  return facts.some((fact) => compatible(claim, fact));
}

function sameClaims(a: readonly Identity[], b: readonly Identity[]): boolean {
  return a.every((claim) => fits(claim, b)) && b.every((claim) => fits(claim, a));
}

function claimsOf(texts: readonly string[]): Identity[] {
  return mostSpecific(texts.flatMap(detectSelfIdentification));
}

function factsOf(model: ModelFacts, claims: Identity[]): ModelIdentities {
  const facts = identitiesOfModel(model);
  const unknown = !facts.named.length && !facts.lineage.length;
  return unknown ? { named: claims, lineage: [] } : facts;
}

function singlesOut(claim: Identity, a: ModelIdentities, b: ModelIdentities): boolean {
  const byName = [fits(claim, a.named), fits(claim, b.named)];
  if (byName[0] || byName[1]) return byName[0] !== byName[1];
  return fits(claim, a.lineage) !== fits(claim, b.lineage);
}

function saidItIs(claims: readonly Identity[]): string {
  return claims.map(labelOf).join(' and ');
}

/** Whether what the two sides say of themselves tells them apart, and why, for the voter. */
export function identityLeak(a: BattleSide, b: BattleSide): IdentityLeak {
  const claimsA = claimsOf(a.texts);
  const claimsB = claimsOf(b.texts);
  if (sameClaims(claimsA, claimsB)) return NO_LEAK;
  const factsA = factsOf(a.model, claimsA);
  const factsB = factsOf(b.model, claimsB);
  const leaks = [...claimsA, ...claimsB].some((claim) => singlesOut(claim, factsA, factsB));
  if (!leaks) return NO_LEAK;
  if (claimsA.length && claimsB.length) {
    return {
      leaked: true,
      reason: `Model A said it is ${saidItIs(claimsA)}, Model B that it is ${saidItIs(claimsB)}.`,
    };
  }
  const [label, claims, other] = claimsA.length ? ['A', claimsA, b] : ['B', claimsB, a];
  const otherLabel = label === 'A' ? 'B' : 'A';
  return {
    leaked: true,
    reason: `Model ${label} said it is ${saidItIs(claims)}; Model ${otherLabel} is ${other.model.model}.`,
  };
}
