import { describe, expect, it } from 'vitest';
import type { BackendView } from '../../lib/api/views';
import {
  defaultLineup,
  lineupProblem,
  nextSlot,
  sharedBackendGroups,
  titleFromPrompt,
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
