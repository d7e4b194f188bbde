import { BattleIndex } from './battle-index';
import { inChunks } from './chunks';
import { hashString, mix32 } from './random';
import type { Outcome, StyleFeatures, Vote } from './vote';

/** The votes grouped into battles, models numbered in key order. */
export type Tally = {
  models: string[];
  /** Votes counted, and votes left out (a model against itself; without style under style control). */
  votes: number;
  skippedVotes: number;
  /** Per battle: the models shown as A and B, A's score summed over its votes, its votes. */
  battleA: Int32Array;
  battleB: Int32Array;
  battleScore: Float64Array;
  battleVotes: Float64Array;
  /** A battle's style counts (those of its first vote). */
  battleStyle: (battle: number) => StyleFeatures | undefined;
  /** Per battle, a hash of its id: its bootstrap weight depends on it, not on where it sits. */
  battleHash: Uint32Array;
  /** Per model: distinct battles, and verdicts (both bad counts as a tie). */
  modelBattles: Int32Array;
  wins: Int32Array;
  ties: Int32Array;
  losses: Int32Array;
  /** Sum of the votes' hashes (battle id and outcome): the same for the same votes in any order. */
  votesHash: number;
};

/** A's score: a win 1, a tie or "both bad" ½ (both were equally good, or equally bad), a loss 0. */
const SCORE: Record<Outcome, number> = { a: 1, b: 0, tie: 0.5, bothbad: 0.5 };
const OUTCOME_CODE: Record<Outcome, number> = { a: 1, b: 2, tie: 3, bothbad: 4 };

const counts = (vote: Vote, styleControl: boolean) =>
  vote.a !== vote.b && !(styleControl && !vote.style);

/** Accumulates votes chunk by chunk, models already numbered in key order. */
class TallyBuilder {
  readonly modelIndex: Map<string, number>;
  readonly battles: BattleIndex;
  readonly battleA: Int32Array;
  readonly battleB: Int32Array;
  readonly battleScore: Float64Array;
  readonly battleVotes: Float64Array;
  readonly battleHash: Uint32Array;
  readonly modelBattles: Int32Array;
  readonly wins: Int32Array;
  readonly ties: Int32Array;
  readonly losses: Int32Array;
  counted = 0;
  votesHash = 0;

  constructor(
    private readonly votes: readonly Vote[],
    private readonly styleControl: boolean,
    readonly models: string[],
  ) {
    this.modelIndex = new Map(models.map((key, index) => [key, index]));
    const capacity = votes.length;
    this.battles = new BattleIndex(votes);
    this.battleA = new Int32Array(capacity);
    this.battleB = new Int32Array(capacity);
    this.battleScore = new Float64Array(capacity);
    this.battleVotes = new Float64Array(capacity);
    this.battleHash = new Uint32Array(capacity);
    this.modelBattles = new Int32Array(models.length);
    this.wins = new Int32Array(models.length);
    this.ties = new Int32Array(models.length);
    this.losses = new Int32Array(models.length);
  }

  add(from: number, to: number): void {
    for (let v = from; v < to; v++) {
      const vote = this.votes[v] as Vote;
      if (!counts(vote, this.styleControl)) continue;
      const a = this.modelIndex.get(vote.a) as number;
      const b = this.modelIndex.get(vote.b) as number;
      const hash = hashString(vote.battleId);
      const known = this.battles.size;
      const battle = this.battles.numberOf(v, hash);
      if (battle === known) {
        this.battleA[battle] = a;
        this.battleB[battle] = b;
        this.battleHash[battle] = hash;
        this.modelBattles[a] = (this.modelBattles[a] as number) + 1;
        this.modelBattles[b] = (this.modelBattles[b] as number) + 1;
      } else if (this.battleA[battle] !== a || this.battleB[battle] !== b) {
        throw new RangeError(`Battle ${vote.battleId} has votes for different models.`);
      }
      const score = SCORE[vote.outcome];
      this.battleScore[battle] = (this.battleScore[battle] as number) + score;
      this.battleVotes[battle] = (this.battleVotes[battle] as number) + 1;
      if (score === 0.5) {
        this.ties[a] = (this.ties[a] as number) + 1;
        this.ties[b] = (this.ties[b] as number) + 1;
      } else {
        const winner = score === 1 ? a : b;
        const loser = score === 1 ? b : a;
        this.wins[winner] = (this.wins[winner] as number) + 1;
        this.losses[loser] = (this.losses[loser] as number) + 1;
      }
      this.counted += 1;
      this.votesHash = (this.votesHash + mix32(hash ^ OUTCOME_CODE[vote.outcome])) >>> 0;
    }
  }

  finish(): Tally {
    const n = this.battles.size;
    return {
      models: this.models,
      votes: this.counted,
      skippedVotes: this.votes.length - this.counted,
      battleA: this.battleA.subarray(0, n),
      battleB: this.battleB.subarray(0, n),
      battleScore: this.battleScore.subarray(0, n),
      battleVotes: this.battleVotes.subarray(0, n),
      battleStyle: (battle) => this.votes[this.battles.firstVote[battle] as number]?.style,
      battleHash: this.battleHash.subarray(0, n),
      modelBattles: this.modelBattles,
      wins: this.wins,
      ties: this.ties,
      losses: this.losses,
      votesHash: this.votesHash,
    };
  }
}

/**
 * Groups votes into battles (the bootstrap's unit) and counts each model's verdicts. Models are
 * numbered in key order (a first pass collects the keys), so the output does not depend on which
 * vote came first.
 */
export function* tallyVotes(
  votes: readonly Vote[],
  { styleControl }: { styleControl: boolean },
): Generator<void, Tally> {
  const keys = new Set<string>();
  yield* inChunks(votes.length, (from, to) => {
    for (let v = from; v < to; v++) {
      const vote = votes[v] as Vote;
      if (!counts(vote, styleControl)) continue;
      keys.add(vote.a);
      keys.add(vote.b);
    }
  });
  const builder = new TallyBuilder(votes, styleControl, [...keys].sort());
  yield;
  yield* inChunks(votes.length, (from, to) => builder.add(from, to));
  return builder.finish();
}
