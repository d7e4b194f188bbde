'use client';

import type { SaveSuiteInput, StartSuiteRunInput } from '@/lib/api/suite-inputs';
import type { SuiteRunView, SuiteView } from '@/lib/api/suite-views';
import { request } from './api';

/** The suites routes (docs/api.md). */
export const suitesApi = {
  createSuite: (input: SaveSuiteInput) =>
    request<{ suite: SuiteView }>('/api/suites', { method: 'POST', body: input }),
  updateSuite: (id: string, input: SaveSuiteInput) =>
    request<{ suite: SuiteView }>(`/api/suites/${id}`, { method: 'PUT', body: input }),
  deleteSuite: (id: string) => request<undefined>(`/api/suites/${id}`, { method: 'DELETE' }),
  duplicateSuite: (id: string) =>
    request<{ suite: SuiteView }>(`/api/suites/${id}/duplicate`, { method: 'POST' }),
  startRun: (suiteId: string, input: StartSuiteRunInput) =>
    request<{ run: { id: string } }>(`/api/suites/${suiteId}/runs`, {
      method: 'POST',
      body: input,
    }),
  getRun: (id: string) => request<{ run: SuiteRunView }>(`/api/suite-runs/${id}`),
  setRunStatus: (id: string, status: 'paused' | 'running') =>
    request<{ run: SuiteRunView }>(`/api/suite-runs/${id}`, { method: 'PATCH', body: { status } }),
  deleteRun: (id: string) => request<undefined>(`/api/suite-runs/${id}`, { method: 'DELETE' }),
  judgeCell: (
    id: string,
    cell: { itemId: string; position: number; verdict: 'pass' | 'fail' | null },
  ) =>
    request<{ run: SuiteRunView }>(`/api/suite-runs/${id}/verdicts`, { method: 'PUT', body: cell }),
};
