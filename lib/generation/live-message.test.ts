import { describe, expect, it } from 'vitest';
import { LiveMessage } from './live-message';
import { emptyMetrics } from './metrics';

const ids = (frames: string[]) => frames.map((frame) => /^id: (.*)$/m.exec(frame)?.[1]);
const events = (frames: string[]) =>
  frames.map((frame) => JSON.parse(frame.split('data: ')[1] ?? '{}') as Record<string, unknown>);

function recorder(live: LiveMessage, lastEventId: string | null = null) {
  const frames: string[] = [];
  let closed = 0;
  live.subscribe(
    (frame) => frames.push(frame),
    () => {
      closed += 1;
    },
    lastEventId,
  );
  return {
    frames,
    get closed() {
      return closed;
    },
  };
}

describe('LiveMessage', () => {
  it('sends each event to every listener in the same tick, its id the position it leaves', () => {
    const live = new LiveMessage('m', 1);
    const a = recorder(live);
    const b = recorder(live);
    live.publish({ type: 'content', text: 'Hi' });
    expect(a.frames).toHaveLength(2);
    expect(b.frames).toHaveLength(2);
    expect(a.frames[1]).toBe(
      'id: 1.0.0.2\ndata: {"messageId":"m","type":"content","text":"Hi"}\n\n',
    );
  });

  it('catches a client up from its position in a few events, else starts from a snapshot', () => {
    const live = new LiveMessage('m', 2);
    live.publish({ type: 'status', status: 'streaming' });
    live.publish({ type: 'reasoning', text: 'hmm' });
    live.publish({ type: 'content', text: 'A' });
    live.publish({ type: 'content', text: 'B' });
    live.publish({ type: 'content', text: 'C' });

    // Seen "hmm" and "A": gets "BC", then the state.
    const resumed = recorder(live, '2.0.3.1');
    expect(events(resumed.frames)).toEqual([
      { messageId: 'm', type: 'content', text: 'BC' },
      { messageId: 'm', type: 'status', status: 'streaming' },
      { messageId: 'm', type: 'metrics', metrics: emptyMetrics },
    ]);
    expect(ids(resumed.frames)).toEqual(['2.0.3.3', '2.0.3.3', '2.0.3.3']);

    // Another attempt, a position past the text, or a foreign id: a snapshot.
    for (const stale of ['1.0.3.1', '2.0.3.9', '2.1.3.1', '2.7', 'junk']) {
      const fresh = recorder(live, stale);
      expect(events(fresh.frames), stale).toMatchObject([
        { type: 'snapshot', content: 'ABC', reasoning: 'hmm', status: 'streaming' },
      ]);
    }
  });

  it('moves the answer so far into reasoning on reclassify, and earlier positions no longer apply', () => {
    const live = new LiveMessage('m', 1);
    live.publish({ type: 'content', text: 'thinking out loud' });
    const before = live.lastEventId;
    live.publish({ type: 'reclassify' });
    live.publish({ type: 'content', text: 'Answer' });
    expect(live.reasoning).toBe('thinking out loud');
    expect(live.content).toBe('Answer');
    expect(events(recorder(live, before).frames)[0]).toMatchObject({ type: 'snapshot' });
  });

  it('holds only its text: memory does not grow with the number of events', () => {
    const live = new LiveMessage('m', 1);
    live.publish({ type: 'status', status: 'streaming' });
    for (let index = 0; index < 20_000; index += 1) live.publish({ type: 'content', text: 'tok ' });
    // Nothing but the text and a handful of fields: no log of the 20,000 frames sent.
    const held = Object.values(live).filter(
      (value) => Array.isArray(value) || value instanceof Map,
    );
    expect(held).toEqual([]);
    expect(live.content.length).toBe(80_000);
  });

  it('closes listeners on done; a late subscriber gets the state and done, then is closed', () => {
    const live = new LiveMessage('m', 1);
    live.publish({ type: 'status', status: 'streaming' });
    live.publish({ type: 'content', text: 'all' });
    const early = recorder(live);
    live.publish({ type: 'done', status: 'done', metrics: emptyMetrics });
    expect(early.closed).toBe(1);
    for (const lastEventId of [null, live.lastEventId]) {
      const late = recorder(live, lastEventId);
      expect(late.closed).toBe(1);
      expect(events(late.frames).at(-1)).toMatchObject({ type: 'done', status: 'done' });
    }
  });

  it('takes no event after a final status, and no move the status rules forbid', () => {
    const live = new LiveMessage('m', 1);
    live.publish({ type: 'done', status: 'done', metrics: emptyMetrics });
    expect(live.status).toBe('pending');
    live.publish({ type: 'status', status: 'streaming' });
    live.publish({ type: 'done', status: 'stopped', metrics: emptyMetrics });
    live.publish({ type: 'content', text: 'late' });
    live.publish({ type: 'done', status: 'done', metrics: emptyMetrics });
    live.publish({ type: 'status', status: 'streaming' });
    expect(live.status).toBe('stopped');
    expect(live.content).toBe('');
  });

  it("tells a blind battle's readers no backend: errors by code, no load time, live and on catch-up", () => {
    const live = new LiveMessage('m', 1);
    live.blind = true;
    const early = recorder(live);
    const metrics = { ...emptyMetrics, ttftMs: 120, loadMs: 80 };
    live.publish({ type: 'metrics', metrics });
    live.publish({
      type: 'error',
      code: 'rate_limited',
      message: 'DeepSeek is rate-limiting requests (HTTP 429).',
    });
    live.publish({ type: 'done', status: 'error', metrics });
    const late = recorder(live);
    const text = [...early.frames, ...late.frames].join('');
    expect(text).not.toContain('DeepSeek');
    expect(text).not.toContain('"loadMs":80');
    expect(events(early.frames).filter((event) => event.type === 'error')).toEqual([
      {
        messageId: 'm',
        type: 'error',
        code: 'rate_limited',
        message: 'Rate limited; retry in a moment.',
      },
    ]);
    expect(events(late.frames)[0]).toMatchObject({
      type: 'snapshot',
      metrics: { ttftMs: 120, loadMs: null },
      error: { code: 'rate_limited', message: 'Rate limited; retry in a moment.' },
    });
    // What is saved keeps the backend's own words, for after the vote.
    expect(live.error?.message).toContain('DeepSeek');
  });
});
