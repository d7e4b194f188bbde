'use client';

import type {
  BattleOutcome,
  CreateConversationInput,
  CreateShareInput,
  RunMode,
  SlotParams,
  StartBattleInput,
  UpdateShareInput,
  VerdictBest,
} from '@/lib/api/inputs';
import type {
  BackendView,
  ConversationSummary,
  ConversationView,
  MessageView,
  SharedConversation,
  ShareSummary,
  TurnPage,
  TurnView,
} from '@/lib/api/views';
import type { ApiTokenView } from '@/lib/auth/api-tokens';
import type { UserView } from '@/lib/auth/users';

/** A signed-in browser, as better-auth lists it. */
export interface SessionView {
  id: string;
  token: string;
  createdAt: string;
  ipAddress?: string | null;
  userAgent?: string | null;
}

/** A failed API call, carrying the server's safe-to-show message. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

function errorOf(body: unknown): { code: string; message: string } | null {
  if (typeof body !== 'object' || body === null) return null;
  // better-auth's own endpoints (/api/auth/*) answer `{ code, message }`.
  if (!('error' in body)) {
    const { code, message } = body as { code?: unknown; message?: unknown };
    if (typeof message !== 'string' || !message) return null;
    return { code: typeof code === 'string' ? code : 'auth_error', message };
  }
  const { error } = body as { error: unknown };
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : null;
}

/** One call of the Versus API: JSON in and out, its error thrown as an ApiError. */
export async function request<T>(
  path: string,
  init?: { method?: string; body?: unknown },
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init?.method ?? 'GET',
      headers: init?.body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('network', 'Could not reach the Versus server. Is it still running?', 0);
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = errorOf(body);
    throw new ApiError(
      error?.code ?? 'internal',
      error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
      response.status,
    );
  }
  return body as T;
}

/** The message to show for anything a call threw. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export const api = {
  listBackends: (fresh = false) =>
    request<{ backends: BackendView[] }>(`/api/backends${fresh ? '?fresh=1' : ''}`),
  listConversations: (q: string) =>
    request<{ conversations: ConversationSummary[] }>(
      `/api/conversations${q ? `?q=${encodeURIComponent(q)}` : ''}`,
    ),
  createConversation: (input: CreateConversationInput) =>
    request<{ conversation: ConversationView }>('/api/conversations', {
      method: 'POST',
      body: input,
    }),
  updateConversation: (id: string, body: { runMode?: RunMode; title?: string }) =>
    request<{ conversation: ConversationView }>(`/api/conversations/${id}`, {
      method: 'PATCH',
      body,
    }),
  deleteConversation: (id: string) =>
    request<undefined>(`/api/conversations/${id}`, { method: 'DELETE' }),
  updateSlot: (conversationId: string, slotId: string, params: SlotParams) =>
    request<{ conversation: ConversationView }>(
      `/api/conversations/${conversationId}/slots/${slotId}`,
      { method: 'PATCH', body: { params } },
    ),
  importConversation: (file: unknown) =>
    request<{ conversation: ConversationView }>('/api/conversations/import', {
      method: 'POST',
      body: file,
    }),
  earlierTurns: (conversationId: string, before: number) =>
    request<TurnPage>(`/api/conversations/${conversationId}/turns?before=${before}`),
  addTurn: (conversationId: string, prompt: string) =>
    request<{ turn: TurnView }>(`/api/conversations/${conversationId}/turns`, {
      method: 'POST',
      body: { prompt },
    }),
  stopMessage: (id: string) =>
    request<{ message: MessageView }>(`/api/messages/${id}/stop`, { method: 'POST' }),
  retryMessage: (id: string) =>
    request<{ message: MessageView }>(`/api/messages/${id}/retry`, { method: 'POST' }),
  showMessage: (id: string) =>
    request<{ message: MessageView }>(`/api/messages/${id}/show`, { method: 'POST' }),
  signIn: (body: { email: string; password: string }) =>
    request<unknown>('/api/auth/sign-in/email', { method: 'POST', body }),
  signUp: (body: { name: string; email: string; password: string; invite?: string }) =>
    request<{ outcome: 'admin' | 'approved' | 'pending' }>('/api/account/sign-up', {
      method: 'POST',
      body,
    }),
  signOut: () => request<unknown>('/api/auth/sign-out', { method: 'POST', body: {} }),
  signOutEverywhere: () =>
    request<unknown>('/api/auth/revoke-sessions', { method: 'POST', body: {} }),
  listSessions: () => request<SessionView[]>('/api/auth/list-sessions'),
  endSession: (token: string) =>
    request<unknown>('/api/auth/revoke-session', { method: 'POST', body: { token } }),
  createApiToken: (name: string) =>
    request<{ token: string; apiToken: ApiTokenView }>('/api/account/tokens', {
      method: 'POST',
      body: { name },
    }),
  revokeApiToken: (id: string) =>
    request<undefined>(`/api/account/tokens/${id}`, { method: 'DELETE' }),
  updateUser: (
    id: string,
    body: { approved?: boolean; role?: 'admin' | 'user'; disabled?: boolean },
  ) => request<{ user: UserView }>(`/api/admin/users/${id}`, { method: 'PATCH', body }),
  createUser: (body: { name: string; email: string; password: string; role: 'admin' | 'user' }) =>
    request<{ user: UserView }>('/api/admin/users', { method: 'POST', body }),
  setInstancePool: (pool: { backendId: string; model: string }[] | null) =>
    request<{ pool: { backendId: string; model: string }[] | null }>('/api/admin/battle-pool', {
      method: 'PUT',
      body: { pool },
    }),
  createInvite: () =>
    request<{ invite: { path: string; expiresAt: string } }>('/api/admin/invites', {
      method: 'POST',
    }),
  startBattle: (input: StartBattleInput) =>
    request<{ battle: { id: string } }>('/api/battles', { method: 'POST', body: input }),
  vote: (battleId: string, outcome: BattleOutcome) =>
    request<{ conversation: ConversationView }>(`/api/battles/${battleId}/vote`, {
      method: 'POST',
      body: { outcome },
    }),
  createShare: (conversationId: string, body: CreateShareInput) =>
    request<{ share: ShareSummary }>(`/api/conversations/${conversationId}/shares`, {
      method: 'POST',
      body,
    }),
  listShares: (conversationId?: string) =>
    request<{ shares: ShareSummary[] }>(
      conversationId ? `/api/shares?conversation=${conversationId}` : '/api/shares',
    ),
  updateShare: (id: string, body: UpdateShareInput) =>
    request<{ share: ShareSummary }>(`/api/shares/${id}`, { method: 'PATCH', body }),
  revokeShare: (id: string) => request<undefined>(`/api/shares/${id}`, { method: 'DELETE' }),
  earlierSharedTurns: (slug: string, before: number) =>
    request<TurnPage>(`/api/s/${slug}/turns?before=${before}`),
  voteOnShare: (slug: string, outcome: BattleOutcome) =>
    request<SharedConversation>(`/api/s/${slug}/vote`, { method: 'POST', body: { outcome } }),
  setVerdict: (conversationId: string, turnId: string, best: VerdictBest | null) =>
    request<{ verdict: { turnId: string; best: VerdictBest | null } }>(
      `/api/conversations/${conversationId}/verdicts`,
      { method: 'PUT', body: { turnId, best } },
    ),
};
