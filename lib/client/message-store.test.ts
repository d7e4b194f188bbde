import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { messageView } from '@/test/message-view';
import { MessageStore, tokenDelayMs } from './message-store';

const view = messageView({ status: 'streaming' });

/** A store with one streaming message, and the answer its subscriber saw at each wake. */
function watched(content: string) {
  const store = new MessageStore([{ ...view, content }]);
  const seen: string[] = [];
  store.subscribe(view.id, () => seen.push(store.get(view.id)?.text.content ?? ''));
  const token = (text: string) => store.apply(view.id, { type: 'content', text });
  return { store, seen, token };
}

describe('MessageStore', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    // Node has no frames: one comes 16 ms after it is asked for.
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      setTimeout(() => callback(performance.now()), 16),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('wakes subscribers once a frame while an answer is short', () => {
    const { seen, token } = watched('');
    token('a');
    token('b');
    vi.advanceTimersByTime(16);
    token('c');
    vi.advanceTimersByTime(16);
    expect(seen).toEqual(['ab', 'abc']);
  });

  it('shows a long answer about ten times a second, its last tokens included', () => {
    const long = 'x'.repeat(30_000);
    const { seen, token } = watched(long);
    for (let tick = 0; tick < 100; tick += 1) {
      token('y');
      vi.advanceTimersByTime(10);
    }
    expect(seen.length).toBeGreaterThanOrEqual(9);
    expect(seen.length).toBeLessThanOrEqual(13);
    vi.advanceTimersByTime(200);
    expect(seen.at(-1)).toBe(long + 'y'.repeat(100));
  });

  it('shows the final text at the next frame when the answer ends', () => {
    const long = 'x'.repeat(30_000);
    const { store, seen, token } = watched(long);
    token('y');
    vi.advanceTimersByTime(16);
    token('z');
    store.apply(view.id, { type: 'done', status: 'done', metrics: view.metrics });
    vi.advanceTimersByTime(16);
    expect(seen).toEqual([`${long}y`, `${long}yz`]);
    expect(store.meta(view.id)?.status).toBe('done');
  });

  it("shows Stop's saved text with its status, and a token arriving after it changes nothing", () => {
    const { store, seen, token } = watched('one');
    store.settle({ ...view, status: 'stopped', content: 'one two' });
    vi.advanceTimersByTime(16);
    token(' two');
    store.apply(view.id, { type: 'done', status: 'stopped', metrics: view.metrics });
    vi.advanceTimersByTime(16);
    expect(seen).toEqual(['one two']);
    expect(store.meta(view.id)?.status).toBe('stopped');
  });
});

describe('tokenDelayMs', () => {
  it('lets short answers update every frame and long ones every 80 ms', () => {
    expect(tokenDelayMs({ content: 'x'.repeat(3_000), reasoning: '' })).toBe(0);
    expect(tokenDelayMs({ content: 'x'.repeat(6_000), reasoning: 'x'.repeat(6_000) })).toBe(40);
    expect(tokenDelayMs({ content: 'x'.repeat(100_000), reasoning: '' })).toBe(80);
  });
});
