import { expect, test } from '@playwright/test';
import {
  api,
  messageNow,
  openEvents,
  restoreInstances,
  scriptOllamaModel,
  startComparison,
  steerTo,
} from './api';
import { FollowedAnswer, follow } from './events';
import { stack } from './stack';

// Runs after cross-instance.spec.ts (files run in name order): it kills an instance, and nginx
// sends everything to the survivor until the dead one is back.

const run = Date.now().toString(36);
const slow = [`mi-kill-a-${run}`, `mi-kill-b-${run}`];
const words = (count: number) => Array.from({ length: count }, (_, n) => `word${n}`).join(' ');
/** Text is checkpointed to the database every second (VERSUS_CHECKPOINT_MS). */
const CHECKPOINT_MS = 1_000;
/** Timer and scheduling slack on a loaded machine. */
const SLACK_MS = 300;

test('killing the instance running an answer loses at most about a second of its text', async () => {
  test.setTimeout(180_000);
  for (const id of slow)
    await scriptOllamaModel({ id, tokensPerSecond: 25, ttftMs: 20, answer: words(800) });
  const started = await startComparison(slow);
  const [message] = started.messages;
  if (!message) throw new Error('the turn has no message');
  const owner = stack().instances.find((instance) => instance.upstream === started.upstream);
  if (!owner?.pid) throw new Error(`no running instance ${started.upstream}`);
  try {
    await steerTo(owner.upstream);
    const { response, upstream } = await openEvents(message.id);
    expect(upstream).toBe(owner.upstream);
    const answer = new FollowedAnswer();
    // A few seconds of streaming, then SIGKILL mid-token: no chance to save anything.
    const following = follow(response.body as ReadableStream<Uint8Array>, answer);
    await expect.poll(() => answer.content.length, { timeout: 15_000 }).toBeGreaterThan(200);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    process.kill(owner.pid, 'SIGKILL');
    const killedAt = Date.now();
    expect(await following).toBe('broken');

    // The survivor answers for it (nginx retries a GET on the other instance). The text in the
    // database is what the dead instance last checkpointed: nothing writes it after the kill.
    let final = await messageNow(started.id, message.id);
    expect(answer.content.startsWith(final.content)).toBe(true);
    const lost = answer.lengthAt(killedAt) - final.content.length;
    const firstAt = answer.lengths[0]?.at ?? 0;
    const perSecond = answer.lengthAt(killedAt) / ((killedAt - firstAt) / 1000);
    console.log(`lost ${lost} characters, about ${(lost / perSecond).toFixed(2)} s of text`);
    expect(final.content.length).toBeGreaterThanOrEqual(
      answer.lengthAt(killedAt - CHECKPOINT_MS - SLACK_MS),
    );
    // With no heartbeat from the dead instance, the message is marked interrupted within seconds.
    await expect
      .poll(
        async () => {
          final = await messageNow(started.id, message.id);
          return final.status;
        },
        { timeout: 10_000, intervals: [250] },
      )
      .toBe('interrupted');
    expect(answer.content.startsWith(final.content)).toBe(true);
  } finally {
    await restoreInstances(owner.url);
    for (const message of started.messages) {
      await api(`/api/messages/${message.id}/stop`, { method: 'POST' });
    }
  }
});
