import 'server-only';
import { computeRatingsAsync, type Leaderboard } from '@/lib/arena/ratings';
import type { Vote } from '@/lib/arena/vote';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { shareVotesForLeaderboard, shareVotesStamp } from '@/lib/shares/share-votes';
import { type StoredModel, votesToPairs } from './votes-to-pairs';

/** What the leaderboard page shows of a model besides its rating. */
export interface ModelFacts {
  model: string;
  backends: string[];
  parameterSize: string | null;
  quantization: string | null;
}

export interface LeaderboardView {
  /** Blind votes (and named verdicts, when asked), without style control. */
  plain: Leaderboard;
  /** The same votes with answer length, reasoning length and Markdown as covariates. */
  styled: Leaderboard | null;
  models: Record<string, ModelFacts>;
  /** Votes left out because the answers named their models (identity leaks). */
  leakedVotes: number;
  named: boolean;
}

/** Fewer battles than this, and a model's interval is too wide for its rank to mean much. */
export const FEW_BATTLES = 10;

const cache = new Map<string, { stamp: string; view: Promise<LeaderboardView> }>();

/**
 * The leaderboard from the votes stored so far. It is computed in slices that let the event
 * loop through (computeRatingsAsync), and kept until a vote arrives: a page view after that
 * costs one small query.
 */
export async function getLeaderboard({
  named,
  style,
}: {
  named: boolean;
  style: boolean;
}): Promise<LeaderboardView> {
  // An imported conversation's votes were cast elsewhere, or copy votes already counted here.
  const counted = { conversation: { importedAt: null } };
  const where = named ? { leaked: false, ...counted } : { blind: true, leaked: false, ...counted };
  const withShares = config.shareVotesOnLeaderboard;
  const [latest, leakedVotes, shares] = await Promise.all([
    db.vote.aggregate({ where, _count: true, _max: { createdAt: true } }),
    db.vote.count({ where: { blind: true, leaked: true, ...counted } }),
    withShares ? shareVotesStamp() : '',
  ]);
  const stamp = `${latest._count}:${latest._max.createdAt?.getTime() ?? 0}:${leakedVotes}:${shares}`;
  const key = `${named}:${style}`;
  const cached = cache.get(key);
  if (cached?.stamp === stamp) return cached.view;
  const view = compute({ where, named, style, leakedVotes });
  cache.set(key, { stamp, view });
  view.catch(() => cache.delete(key));
  return view;
}

async function compute({
  where,
  named,
  style,
  leakedVotes,
}: {
  where: { leaked: boolean; blind?: boolean; conversation: { importedAt: null } };
  named: boolean;
  style: boolean;
  leakedVotes: number;
}): Promise<LeaderboardView> {
  const [own, shared] = await Promise.all([
    db.vote.findMany({
      where,
      select: { id: true, scope: true, blind: true, outcome: true, models: true, style: true },
    }),
    // Kept apart unless the instance counts them (VERSUS_SHARE_VOTES_ON_LEADERBOARD).
    config.shareVotesOnLeaderboard ? shareVotesForLeaderboard() : { votes: [], leaked: 0 },
  ]);
  const stored = [...own, ...shared.votes];
  const pairs: Vote[] = [];
  const models: Record<string, ModelFacts> = {};
  for (const vote of stored) {
    const read = votesToPairs(vote);
    pairs.push(...read.pairs);
    for (const model of read.models) remember(models, model);
  }
  const plain = await computeRatingsAsync(pairs);
  const styled = style ? await computeRatingsAsync(pairs, { styleControl: true }) : null;
  return { plain, styled, models, leakedVotes: leakedVotes + shared.leaked, named };
}

function remember(models: Record<string, ModelFacts>, model: StoredModel) {
  const known = models[model.model];
  if (!known) {
    models[model.model] = {
      model: model.model,
      backends: [model.backendLabel],
      parameterSize: model.parameterSize,
      quantization: model.quantization,
    };
    return;
  }
  if (!known.backends.includes(model.backendLabel)) known.backends.push(model.backendLabel);
  known.parameterSize ??= model.parameterSize;
  known.quantization ??= model.quantization;
}
