import { describe, expect, it } from 'vitest';
import type { BackendView } from '../../lib/api/views';
import {
  defaultLineup,
  lineupFromSeed,
  lineupProblem,
  nextSlot,
  sharedBackendGroups,
  titleFromPrompt,
  withModel,
} from './lineup';

const backend = (id: string, models: string[], status: 'ok' | 'error' = 'ok'): BackendView => ({
  id,
  kind: 'ollama',
  label: id,
  baseUrl: `http://${id}`,
  status,
  error: status === 'error' ? { code: 'backend_unreachable', message: 'down' } : null,
  models: models.map((model) => ({ id: model })),
});

describe('lineup', () => {
  const backends = [
    backend('down', ['x'], 'error'),
    backend('ollama', ['r1:7b']),
    backend('ds', ['chat', 'reasoner']),
  ];

  it('starts with the first distinct models of reachable backends', () => {
    expect(defaultLineup(backends).map((slot) => `${slot.backendId}/${slot.model}`)).toEqual([
      'ollama/r1:7b',
      'ds/chat',
    ]);
    expect(defaultLineup([]).map((slot) => slot.model)).toEqual(['', '']);
  });

  it('adds a model not in the lineup yet', () => {
    const lineup = defaultLineup(backends);
    expect(nextSlot(backends, lineup)).toMatchObject({ backendId: 'ds', model: 'reasoner' });
  });

  it('explains what blocks sending', () => {
    expect(lineupProblem(backends, defaultLineup(backends))).toBeNull();
    expect(
      lineupProblem(backends, [{ key: 'a', backendId: 'down', model: 'x', params: {} }]),
    ).toMatch(/down is unreachable/);
    expect(
      lineupProblem(backends, [{ key: 'a', backendId: 'ollama', model: '', params: {} }]),
    ).toBe('Model 1: pick a model.');
  });

  it('finds slots that share a backend', () => {
    expect(
      sharedBackendGroups([{ backendId: 'a' }, { backendId: 'b' }, { backendId: 'a' }]),
    ).toEqual([[1, 3]]);
  });

  it('titles a conversation by its first prompt line', () => {
    expect(titleFromPrompt('  Chickens and rabbits:\n35 heads')).toBe('Chickens and rabbits:');
    expect(titleFromPrompt('x'.repeat(100))).toHaveLength(80);
  });
});

describe('carrying a lineup over', () => {
  it('starts from an earlier lineup within the limits, with fresh keys', () => {
    const slot = (model: string) => ({ backendId: 'a', model, params: { temperature: 0.3 } });
    expect(lineupFromSeed([slot('x')])).toBeNull();
    const lineup = lineupFromSeed(['1', '2', '3', '4', '5', '6', '7'].map(slot)) ?? [];
    expect(lineup.map((draft) => draft.model)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(new Set(lineup.map((draft) => draft.key)).size).toBe(6);
    expect(lineup[0]?.params).toEqual({ temperature: 0.3 });
  });

  it('keeps the parameters on another model, but think only where the model thinks', () => {
    const thinking: BackendView = {
      ...backend('o', []),
      models: [{ id: 'r1', supportsThinking: true }, { id: 'plain' }],
    };
    const slot = { key: 'k', backendId: 'o', model: 'r1', params: { think: true, temperature: 1 } };
    expect(withModel([thinking], slot, 'o', 'r1').params).toEqual({ think: true, temperature: 1 });
    expect(withModel([thinking], slot, 'o', 'plain').params).toEqual({ temperature: 1 });
  });
});
