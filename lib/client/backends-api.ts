'use client';

import type { CreateBackendBody, TestBackendBody, UpdateBackendBody } from '@/lib/api/inputs';
import type {
  AdminBackendView,
  BackendAuditView,
  BackendHealthView,
  BackendTestView,
  LoadedModelView,
} from '@/lib/api/views';
import { request } from './api';

/** The Backends page's calls (admin only) and the health every page may show. */
export const backendsApi = {
  list: () =>
    request<{ backends: AdminBackendView[]; changes: BackendAuditView[] }>('/api/admin/backends'),
  create: (body: CreateBackendBody) =>
    request<{ backend: AdminBackendView }>('/api/admin/backends', { method: 'POST', body }),
  update: (id: string, body: UpdateBackendBody) =>
    request<{ backend: AdminBackendView }>(`/api/admin/backends/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body,
    }),
  remove: (id: string) =>
    request<undefined>(`/api/admin/backends/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  test: (body: TestBackendBody) =>
    request<{ result: BackendTestView }>('/api/admin/backends/test', { method: 'POST', body }),
  health: () => request<{ backends: BackendHealthView[] }>('/api/backends/health'),
  loaded: (id: string) =>
    request<{ models: LoadedModelView[] }>(`/api/admin/backends/${encodeURIComponent(id)}/loaded`),
  deleteModel: (id: string, model: string) =>
    request<undefined>(`/api/admin/backends/${encodeURIComponent(id)}/models`, {
      method: 'DELETE',
      body: { model },
    }),
};
