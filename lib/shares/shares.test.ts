import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeBackends } from '@/fake-backends/start';
import { castVote } from '@/lib/battles/cast-vote';
import { setVerdict } from '@/lib/battles/set-verdict';
import { startBattle } from '@/lib/battles/start-battle';
import { listBackends } from '@/lib/catalog/list-backends';
import { db } from '@/lib/db/client';
import { startTurn } from '@/lib/generation/start-turn';
import { getLocalUser } from '@/lib/users';
import { lineupOf, settled, startFakes, uniqueModel } from '@/test/generation-harness';
import { describeShare, shareDescription } from './describe';
import { createShare, listShares, revokeShare, updateShare } from './manage';
import { readShare, readShareTurns, voteOnShare } from './read-share';
import { shareVotesForLeaderboard } from './share-votes';
import { SLUG_PATTERN } from './slug';

let fakes: FakeBackends;
let ownerId: string;
const voterId = 'share-owner-voter';
const quick = { tokensPerSecond: 2000, ttftMs: 5 };
/** A share with no options: open, anonymous, not indexed, no expiry. */
const plain = { blind: false, showOwner: false, indexable: false, expiresInDays: null };

beforeAll(async () => {
  fakes = await startFakes();
  ownerId = (await getLocalUser()).id;
});
afterAll(async () => {
  await fakes.close();
});

async function ask(conversationId: string, prompt: string, owner = ownerId) {
  const turn = await startTurn({ conversationId, ownerId: owner, prompt });
  await settled(turn.messages.map((message) => message.id));
  return turn;
}

const slugOf = (path: string) => path.slice('/s/'.length);

/** Every id of the conversation's rows: none may be on a share page. */
async function idsOf(conversationId: string): Promise<string[]> {
  const row = await db.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    include: { slots: true, turns: { include: { messages: true } } },
  });
  return [
    row.id,
    ...row.slots.flatMap((slot) => [slot.id, slot.backendId]),
    ...row.turns.flatMap((turn) => [turn.id, ...turn.messages.map((message) => message.id)]),
  ];
}

describe('a share of a comparison', () => {
  it('shows the finished turns as they were, with their figures and verdict, and no id, URL or host', async () => {
    const poet = uniqueModel('share-poet');
    const conversation = await lineupOf(fakes, [
      { kind: 'ollama', script: { id: poet, ...quick, answer: '新春到来\n年年有余\n快乐常在' } },
      { kind: 'down', script: { id: uniqueModel('share-down') } },
    ]);
    const turn = await ask(conversation.id, '用"新年快乐"写一首藏头诗');
    await setVerdict({
      conversationId: conversation.id,
      ownerId,
      voterId,
      turnId: turn.id,
      best: 0,
    });
    const share = await createShare({
      conversationId: conversation.id,
      ownerId,
      voterId,
      ...plain,
    });
    const slug = slugOf(share.path);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug).not.toContain(conversation.id);

    const shared = await readShare({ slug, voterId: 'someone', latestTurns: 10 });
    if (!shared) throw new Error('share not served');
    const text = JSON.stringify({ conversation: shared.conversation, share: shared.share });
    for (const id of await idsOf(conversation.id)) expect(text).not.toContain(id);
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain('http');
    expect(shared.share.owner).toBeNull();

    const [answer, failed] = shared.conversation.turns[0]?.messages ?? [];
    const [stored] = await settled([turn.messages[0]?.id ?? '']);
    expect(answer?.content).toBe('新春到来\n年年有余\n快乐常在');
    expect(answer?.metrics.tokensPerSecond).toBe(stored?.tokensPerSecond);
    expect(answer?.metrics.ttftMs).toBe(stored?.ttftMs);
    expect(failed?.status).toBe('error');
    expect(failed?.error?.code).toBe('backend_unreachable');
    expect(shared.conversation.slots.map((slot) => slot.backendLabel)).toEqual([
      'Ollama',
      'OpenAI-compatible',
    ]);
    expect(shared.conversation.turns[0]?.verdict).toBe(0);

    const card = describeShare(shared.conversation);
    expect(card.outcome).toBe(`Best: ${poet}`);
    expect(card.columns[0]?.tokensPerSecond).toBe(stored?.tokensPerSecond);
    expect(shareDescription(card)).toContain(poet);
  });

  it('stays a snapshot until updated, and a revoked or expired link is gone', async () => {
    const conversation = await lineupOf(fakes, [
      { kind: 'ollama', script: { id: uniqueModel('share-snap'), ...quick } },
    ]);
    await ask(conversation.id, 'first');
    const share = await createShare({
      conversationId: conversation.id,
      ownerId,
      voterId,
      blind: false,
      showOwner: true,
      indexable: false,
      expiresInDays: 7,
    });
    const slug = slugOf(share.path);
    await ask(conversation.id, 'second');
    expect((await readShare({ slug, voterId, latestTurns: 10 }))?.conversation.turns).toHaveLength(
      1,
    );
    const listed = await listShares({ ownerId, conversationId: conversation.id });
    expect(listed.map((row) => [row.turns, row.conversationTurns])).toEqual([[1, 2]]);

    const updated = await updateShare({ id: share.id, ownerId, voterId, refresh: true });
    expect(updated.path).toBe(share.path);
    const read = await readShare({ slug, voterId, latestTurns: 10 });
    expect(read?.conversation.turns.map((turn) => turn.prompt)).toEqual(['first', 'second']);
    expect(read?.share.owner).toBe('Local user');
    // A long share opens at its latest turns; the earlier ones come a page at a time.
    const latest = await readShare({ slug, voterId, latestTurns: 1 });
    expect(latest?.conversation.turns.map((turn) => turn.prompt)).toEqual(['second']);
    expect(latest?.conversation.earlierTurns).toBe(1);
    const earlier = await readShareTurns({ slug, voterId, before: 1, limit: 10 });
    expect(earlier.turns.map((turn) => turn.prompt)).toEqual(['first']);
    expect(earlier.earlierTurns).toBe(0);
    // The link preview describes every turn, not only those on show.
    expect(latest?.card.turns).toBe(2);
    expect(latest?.card.prompt).toBe('first');

    // Only the owner changes it; another user is told it does not exist.
    await expect(revokeShare({ id: share.id, ownerId: 'someone-else' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      updateShare({ id: share.id, ownerId: 'someone-else', voterId, refresh: true }),
    ).rejects.toMatchObject({ code: 'not_found' });

    await db.share.update({
      where: { id: share.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await readShare({ slug, voterId, latestTurns: 10 })).toBeNull();
    await updateShare({ id: share.id, ownerId, voterId, expiresInDays: null });
    expect(await readShare({ slug, voterId, latestTurns: 10 })).not.toBeNull();

    await revokeShare({ id: share.id, ownerId });
    expect(await readShare({ slug, voterId, latestTurns: 10 })).toBeNull();
    expect(await listShares({ ownerId, conversationId: conversation.id })).toEqual([]);
  });

  it("leaves out a turn still being written, and is not served once its owner's account is disabled", async () => {
    const owner = await db.user.create({
      data: { id: `share-owner-${Date.now()}`, name: 'Dana', approved: true },
    });
    const conversation = await lineupOf(fakes, [
      { kind: 'ollama', script: { id: uniqueModel('share-slow'), tokensPerSecond: 20, ttftMs: 5 } },
    ]);
    await db.conversation.update({ where: { id: conversation.id }, data: { ownerId: owner.id } });
    await expect(
      createShare({
        conversationId: conversation.id,
        ownerId: owner.id,
        voterId,
        ...plain,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await ask(conversation.id, 'done first', owner.id);
    const running = await startTurn({
      conversationId: conversation.id,
      ownerId: owner.id,
      prompt: 'still going',
    });
    const share = await createShare({
      conversationId: conversation.id,
      ownerId: owner.id,
      voterId,
      ...plain,
    });
    await settled(running.messages.map((message) => message.id));
    const slug = slugOf(share.path);
    expect(
      (await readShare({ slug, voterId, latestTurns: 10 }))?.conversation.turns.map(
        (t) => t.prompt,
      ),
    ).toEqual(['done first']);
    await db.user.update({ where: { id: owner.id }, data: { banned: true } });
    expect(await readShare({ slug, voterId, latestTurns: 10 })).toBeNull();
  });
});

describe('a blind challenge', () => {
  it('hides both models from recipients until each votes once, and keeps their votes apart', async () => {
    const [a, b] = [uniqueModel('challenge-a'), uniqueModel('challenge-b')];
    // Answers that do not name their model: that would be the model's own leak, not the page's.
    const answer = 'Twelve chickens and thirteen rabbits.';
    fakes.scriptModel('ollama', { id: a, ...quick, answer, details: { digest: 'dig3st-a' } });
    fakes.scriptModel('deepseek', { id: b, ...quick, answer });
    await listBackends({ fresh: true });
    const { id } = await startBattle({
      ownerId,
      voterId,
      input: {
        pool: [
          { backendId: 'test-ollama', model: a },
          { backendId: 'test-deepseek', model: b },
        ],
      },
    });
    await ask(id, 'Who wins?');
    const options = { showOwner: false, indexable: false, expiresInDays: null };
    await expect(
      createShare({ conversationId: id, ownerId, voterId, blind: false, ...options }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const share = await createShare({
      conversationId: id,
      ownerId,
      voterId,
      blind: true,
      ...options,
    });
    const slug = slugOf(share.path);

    const before = await readShare({ slug, voterId: 'recipient-1', latestTurns: 10 });
    if (!before) throw new Error('share not served');
    const seen = JSON.stringify([
      before.conversation,
      before.share,
      describeShare(before.conversation),
    ]);
    for (const secret of [a, b, 'dig3st-a', 'test-ollama', 'test-deepseek', 'DeepSeek', 'Ollama']) {
      expect(seen).not.toContain(secret);
    }
    expect(before.conversation.slots.map((slot) => slot.model)).toEqual(['Model A', 'Model B']);
    expect(before.share.tally).toBeNull();

    const after = await voteOnShare({
      slug,
      voterId: 'recipient-1',
      outcome: 'a',
      latestTurns: 10,
    });
    expect(after.conversation.slots.map((slot) => slot.model).sort()).toEqual([a, b].sort());
    expect(after.share.tally).toEqual({ a: 1, b: 0, tie: 0, bothbad: 0 });
    await expect(
      voteOnShare({ slug, voterId: 'recipient-1', outcome: 'b', latestTurns: 10 }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const [second, third] = await Promise.allSettled([
      voteOnShare({ slug, voterId: 'recipient-2', outcome: 'b', latestTurns: 10 }),
      voteOnShare({ slug, voterId: 'recipient-2', outcome: 'tie', latestTurns: 10 }),
    ]);
    expect([second.status, third.status].sort()).toEqual(['fulfilled', 'rejected']);
    const reread = await readShare({ slug, voterId: 'recipient-1', latestTurns: 10 });
    expect(reread?.share.vote).toBe('a');
    expect(reread?.share.tally?.a).toBe(1);
    expect((reread?.share.tally?.b ?? 0) + (reread?.share.tally?.tie ?? 0)).toBe(1);

    // The owner's battle is still blind and unvoted: recipients' votes are not its vote.
    const battle = await db.conversation.findUniqueOrThrow({ where: { id } });
    expect(battle.revealedAt).toBeNull();
    expect(await db.vote.count({ where: { conversationId: id } })).toBe(0);
    const forBoard = await shareVotesForLeaderboard();
    const mine = forBoard.votes.filter((vote) => vote.models.includes(a));
    expect(mine).toHaveLength(2);

    // The owner votes later: a new share (not blind) shows the names and the owner's vote.
    await castVote({ id, ownerId, voterId, outcome: 'b' });
    const open = await createShare({
      conversationId: id,
      ownerId,
      voterId,
      blind: false,
      ...options,
    });
    const openRead = await readShare({
      slug: slugOf(open.path),
      voterId: 'anyone',
      latestTurns: 10,
    });
    expect(openRead?.conversation.battle?.vote?.outcome).toBe('b');
    expect(describeShare(openRead?.conversation ?? before.conversation).outcome).toMatch(/ won$/);
    await expect(
      voteOnShare({ slug: slugOf(open.path), voterId: 'anyone', outcome: 'a', latestTurns: 10 }),
    ).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('is for battles only', async () => {
    const conversation = await lineupOf(fakes, [
      { kind: 'ollama', script: { id: uniqueModel('not-battle'), ...quick } },
    ]);
    await ask(conversation.id, 'hi');
    await expect(
      createShare({
        conversationId: conversation.id,
        ownerId,
        voterId,
        ...plain,
        blind: true,
      }),
    ).rejects.toMatchObject({ code: 'bad_request' });
  });
});
