import { describe, expect, it } from 'vitest';
import { LiveMessage } from './live-message';
import { emptyMetrics } from './metrics';

const events = (frames: string[]) =>
  frames.map((frame) => JSON.parse(frame.split('data: ')[1] ?? '{}') as Record<string, unknown>);

function subscribe(live: LiveMessage, lastEventId: string | null = null): string[] {
  const frames: string[] = [];
  live.subscribe(
    (frame) => frames.push(frame),
    () => {},
    lastEventId,
  );
  return frames;
}

describe('LiveMessage: tentative content', () => {
  it('relays the flag on content events, and leaves it out when false', () => {
    const live = new LiveMessage('m', 1);
    const frames = subscribe(live);
    live.publish({ type: 'status', status: 'streaming' });
    live.publish({ type: 'content', text: 'Okay,', tentative: true });
    expect(live.tentative).toBe(true);
    expect(frames.at(-1)).toBe(
      'id: 1.0.0.5\ndata: {"messageId":"m","type":"content","text":"Okay,","tentative":true}\n\n',
    );
    live.publish({ type: 'reclassify' });
    expect(live.tentative).toBe(false);
    live.publish({ type: 'content', text: 'Four.' });
    expect(frames.at(-1)).toBe(
      'id: 1.1.5.5\ndata: {"messageId":"m","type":"content","text":"Four."}\n\n',
    );
  });

  it('keeps it in the snapshot and in the content a re-attaching client catches up on', () => {
    const live = new LiveMessage('m', 1);
    live.publish({ type: 'status', status: 'streaming' });
    live.publish({ type: 'content', text: 'Okay,', tentative: true });
    const seen = live.lastEventId;
    live.publish({ type: 'content', text: ' so', tentative: true });

    expect(events(subscribe(live))).toMatchObject([
      { type: 'snapshot', content: 'Okay, so', tentative: true },
    ]);
    expect(events(subscribe(live, seen))[0]).toEqual({
      messageId: 'm',
      type: 'content',
      text: ' so',
      tentative: true,
    });

    live.publish({ type: 'reclassify' });
    expect(events(subscribe(live))[0]).not.toHaveProperty('tentative');
  });

  it('is cleared by the final status', () => {
    const live = new LiveMessage('m', 1);
    live.publish({ type: 'status', status: 'streaming' });
    live.publish({ type: 'content', text: 'Plain answer.', tentative: true });
    live.publish({ type: 'done', status: 'done', metrics: emptyMetrics });
    expect(live.tentative).toBe(false);
    expect(events(subscribe(live))[0]).toMatchObject({
      type: 'snapshot',
      content: 'Plain answer.',
    });
    expect(events(subscribe(live))[0]).not.toHaveProperty('tentative');
  });
});
