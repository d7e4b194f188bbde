import { describe, expect, it, vi } from 'vitest';
import { AppError, isAppError, toAppError } from './errors';

describe('AppError across bundles', () => {
  it('is recognised when made by another copy of the class, as Next.js bundles make', async () => {
    // A second copy of the module, as a route bundle holds beside the start-up code's.
    vi.resetModules();
    const other = await import('./errors');
    expect(other.AppError).not.toBe(AppError);
    const interrupted = new other.AppError('interrupted', 'Versus was shut down.');
    expect(interrupted instanceof AppError).toBe(false);
    expect(isAppError(interrupted)).toBe(true);
    expect(toAppError(interrupted)).toBe(interrupted);
    expect(isAppError(new Error('plain'))).toBe(false);
    expect(isAppError({ code: 'interrupted', message: 'look-alike' })).toBe(false);
  });
});
