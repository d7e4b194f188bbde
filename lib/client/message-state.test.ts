import { describe, expect, it } from 'vitest';
import { emptyMetrics } from '@/lib/generation/metrics';
import { messageView } from '@/test/message-view';
import { applyMessageEvent, parseMessageEvent, stateFromView } from './message-state';

const view = messageView();

describe('applyMessageEvent', () => {
  it('appends deltas and keeps the untouched half identical', () => {
    const start = stateFromView(view);
    const next = applyMessageEvent(start, { type: 'content', text: 'Hel' });
    const after = applyMessageEvent(next, { type: 'content', text: 'lo' });
    expect(after.text.content).toBe('Hello');
    expect(after.meta).toBe(start.meta);
    const streaming = applyMessageEvent(after, { type: 'status', status: 'streaming' });
    expect(streaming.text).toBe(after.text);
    expect(streaming.meta.status).toBe('streaming');
  });

  it('replaces everything on a snapshot', () => {
    const start = applyMessageEvent(stateFromView(view), { type: 'content', text: 'stale' });
    const snap = applyMessageEvent(start, {
      type: 'snapshot',
      attempt: 2,
      status: 'streaming',
      content: 'fresh',
      reasoning: 'why',
      metrics: emptyMetrics,
      error: null,
    });
    expect(snap.text).toEqual({ content: 'fresh', reasoning: 'why' });
    expect(snap.meta.attempt).toBe(2);
  });

  it('moves content into reasoning on reclassify', () => {
    let state = applyMessageEvent(stateFromView(view), { type: 'reasoning', text: 'a ' });
    state = applyMessageEvent(state, { type: 'content', text: 'b c' });
    state = applyMessageEvent(state, { type: 'reclassify' });
    expect(state.text).toEqual({ content: '', reasoning: 'a b c' });
  });

  it('keeps text received before an error', () => {
    let state = applyMessageEvent(stateFromView(view), { type: 'content', text: 'one two' });
    state = applyMessageEvent(state, { type: 'error', code: 'backend_error', message: 'Broke.' });
    state = applyMessageEvent(state, { type: 'done', status: 'error', metrics: emptyMetrics });
    expect(state.text.content).toBe('one two');
    expect(state.meta.error).toEqual({ code: 'backend_error', message: 'Broke.' });
    expect(state.meta.status).toBe('error');
  });

  it('takes no event but a snapshot once final', () => {
    const stopped = stateFromView({ ...view, status: 'stopped', content: 'one two' });
    expect(applyMessageEvent(stopped, { type: 'content', text: ' two' })).toBe(stopped);
    expect(
      applyMessageEvent(stopped, { type: 'done', status: 'done', metrics: emptyMetrics }),
    ).toBe(stopped);
    const retried = applyMessageEvent(stopped, {
      type: 'snapshot',
      attempt: 2,
      status: 'streaming',
      content: '',
      reasoning: '',
      metrics: emptyMetrics,
      error: null,
    });
    expect(retried.meta).toMatchObject({ attempt: 2, status: 'streaming' });
  });
});

describe('applyMessageEvent: tentative content', () => {
  const tentative = (text: string) => ({ type: 'content', text, tentative: true }) as const;

  it('tracks content the stream has not told from reasoning, until a reclassify', () => {
    let state = applyMessageEvent(stateFromView(view), { type: 'status', status: 'streaming' });
    expect(state.meta.tentative).toBe(false);
    state = applyMessageEvent(state, tentative('Okay, so'));
    expect(state.meta.tentative).toBe(true);
    const meta = state.meta;
    // Further tentative tokens change only the text, as tokens should.
    state = applyMessageEvent(state, tentative(' 2+2.'));
    expect(state.meta).toBe(meta);
    state = applyMessageEvent(state, { type: 'reclassify' });
    expect(state.meta.tentative).toBe(false);
    expect(state.text).toEqual({ content: '', reasoning: 'Okay, so 2+2.' });
    state = applyMessageEvent(state, { type: 'content', text: '4' });
    expect(state.meta.tentative).toBe(false);
  });

  it('is cleared by content that is not tentative and by a normal end, kept by a stop or failure', () => {
    const streaming = applyMessageEvent(stateFromView(view), tentative('maybe'));
    expect(applyMessageEvent(streaming, { type: 'content', text: ' sure' }).meta.tentative).toBe(
      false,
    );
    const done = applyMessageEvent(streaming, {
      type: 'done',
      status: 'done',
      metrics: emptyMetrics,
    });
    expect(done.meta.tentative).toBe(false);
    expect(done.text.content).toBe('maybe');
    // Cut off before the model told reasoning from answer: it may still have been reasoning.
    for (const status of ['stopped', 'error', 'interrupted'] as const) {
      expect(
        applyMessageEvent(streaming, { type: 'done', status, metrics: emptyMetrics }).meta
          .tentative,
      ).toBe(true);
    }
  });

  it('takes it from a snapshot, where it is left out when false', () => {
    const snapshot = {
      type: 'snapshot',
      attempt: 1,
      status: 'streaming',
      content: 'so far',
      reasoning: '',
      metrics: emptyMetrics,
      error: null,
    } as const;
    const start = stateFromView(view);
    expect(applyMessageEvent(start, { ...snapshot, tentative: true }).meta.tentative).toBe(true);
    const decided = applyMessageEvent(start, tentative('x'));
    expect(applyMessageEvent(decided, snapshot).meta.tentative).toBe(false);
  });
});

describe('parseMessageEvent', () => {
  it('accepts known events that name their message only', () => {
    expect(parseMessageEvent('{"messageId":"m1","type":"content","text":"x"}')).toEqual({
      messageId: 'm1',
      type: 'content',
      text: 'x',
    });
    expect(parseMessageEvent('{"type":"content","text":"x"}')).toBeNull();
    expect(parseMessageEvent('{"messageId":"m1","type":"nope"}')).toBeNull();
    expect(parseMessageEvent('not json')).toBeNull();
  });
});
