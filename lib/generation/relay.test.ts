import { expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES } from '@/lib/cluster/channel';
import { clusterMessageSchema, type Delta } from '@/lib/cluster/messages';
import { LiveMessage } from './live-message';
import { deltaSince, fitting, packed } from './relay';

/** Applies deltas as a follower does (follow-elsewhere.ts): each piece from its position. */
function reassemble(deltas: Delta[]) {
  const text = { reasoning: '', content: '' };
  for (const delta of deltas) {
    for (const field of ['reasoning', 'content'] as const) {
      const piece = delta[field];
      if (!piece) continue;
      expect(piece.at).toBeLessThanOrEqual(text[field].length);
      text[field] = text[field].slice(0, piece.at) + piece.text;
    }
  }
  return text;
}

it('sends a long text with multi-byte characters in notifications PostgreSQL accepts, intact', () => {
  const live = new LiveMessage('relay-long', 1);
  live.publish({ type: 'status', status: 'streaming' });
  // Emoji (two UTF-16 units, four bytes), CJK (three bytes), quotes and control characters
  // (escaped in JSON): pieces must not split a character nor outgrow the limit.
  const reasoning = '思考"\u0001'.repeat(3_000);
  const content = '🙂 ok\n'.repeat(4_000);
  live.publish({ type: 'reasoning', text: reasoning });
  live.publish({ type: 'content', text: content });
  const delta = deltaSince(live, null);
  if (!delta) throw new Error('a delta expected');
  const messages = packed(fitting(delta));
  expect(messages.length).toBeGreaterThan(5);
  const deltas: Delta[] = [];
  for (const message of messages) {
    const payload = JSON.stringify({ from: 'an-instance-id-of-16', message });
    expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const parsed = clusterMessageSchema.parse(JSON.parse(payload).message);
    if (parsed.type === 'deltas') deltas.push(...parsed.deltas);
  }
  expect(reassemble(deltas)).toEqual({ reasoning, content });
});

it('sends only what changed since the last delta, and everything again after a reclassify', () => {
  const live = new LiveMessage('relay-since', 1);
  live.publish({ type: 'status', status: 'streaming' });
  live.publish({ type: 'content', text: 'Let me think', tentative: true });
  const first = deltaSince(live, null);
  expect(first).toMatchObject({
    epoch: 0,
    reasoning: { at: 0, text: '' },
    content: { at: 0, text: 'Let me think' },
    tentative: true,
  });
  const sent = {
    epoch: 0,
    reasoning: 0,
    content: live.content.length,
    status: live.status,
    tentative: true,
    metrics: live.metrics,
  };
  expect(deltaSince(live, sent)).toBeNull();
  live.publish({ type: 'content', text: ' hard', tentative: true });
  expect(deltaSince(live, sent)).toEqual({
    messageId: 'relay-since',
    attempt: 1,
    epoch: 0,
    status: 'streaming',
    content: { at: 12, text: ' hard' },
    tentative: true,
  });
  // A bare </think>: the answer so far was reasoning. The follower starts over from 0.
  live.publish({ type: 'reclassify' });
  live.publish({ type: 'content', text: 'Four.' });
  expect(deltaSince(live, sent)).toMatchObject({
    epoch: 1,
    reasoning: { at: 0, text: 'Let me think hard' },
    content: { at: 0, text: 'Four.' },
  });
});
