import { describe, expect, it } from 'vitest';
import { LiveMessage } from './live-message';

const ids = (frames: string[]) => frames.map((frame) => /^id: (.*)$/m.exec(frame)?.[1]);

describe('LiveMessage', () => {
  it('sends each event to every listener in the same tick it is published', () => {
    const live = new LiveMessage('m', 1);
    const a: string[] = [];
    const b: string[] = [];
    live.subscribe(
      (frame) => a.push(frame),
      () => {},
      null,
    );
    live.subscribe(
      (frame) => b.push(frame),
      () => {},
      null,
    );
    live.publish({ type: 'content', text: 'Hi' });
    expect(a).toHaveLength(2);
    expect(b).toHaveLength(2);
    expect(a[1]).toBe('id: 1.1\ndata: {"messageId":"m","type":"content","text":"Hi"}\n\n');
  });

  it('replays after a Last-Event-ID of the same attempt, else starts from a snapshot', () => {
    const live = new LiveMessage('m', 2);
    live.publish({ type: 'status', status: 'streaming' });
    live.publish({ type: 'reasoning', text: 'hmm' });
    live.publish({ type: 'content', text: 'A' });
    live.publish({ type: 'content', text: 'B' });
    const replayed: string[] = [];
    live.subscribe(
      (frame) => replayed.push(frame),
      () => {},
      '2.2',
    );
    expect(ids(replayed)).toEqual(['2.3', '2.4']);

    const fresh: string[] = [];
    live.subscribe(
      (frame) => fresh.push(frame),
      () => {},
      '1.3',
    );
    expect(fresh).toHaveLength(1);
    expect(JSON.parse(fresh[0]?.split('data: ')[1] ?? '{}')).toMatchObject({
      type: 'snapshot',
      content: 'AB',
      reasoning: 'hmm',
      status: 'streaming',
    });
  });

  it('moves the answer so far into reasoning on reclassify', () => {
    const live = new LiveMessage('m', 1);
    live.publish({ type: 'content', text: 'thinking out loud' });
    live.publish({ type: 'reclassify' });
    live.publish({ type: 'content', text: 'Answer' });
    expect(live.reasoning).toBe('thinking out loud');
    expect(live.content).toBe('Answer');
  });

  it('closes listeners on done, and closes late subscribers at once', () => {
    const live = new LiveMessage('m', 1);
    let closed = 0;
    live.subscribe(
      () => {},
      () => {
        closed += 1;
      },
      null,
    );
    live.publish({ type: 'done', status: 'done', metrics: live.metrics });
    expect(closed).toBe(1);
    live.subscribe(
      () => {},
      () => {
        closed += 1;
      },
      null,
    );
    expect(closed).toBe(2);
  });
});
