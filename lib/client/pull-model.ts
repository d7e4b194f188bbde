'use client';

import type { PullLine } from '@/lib/api/views';
import { ApiError } from './api';

/** A pull's progress so far, summed over the layers Ollama reported. */
export interface PullState {
  status: string;
  completed: number;
  total: number;
}

/** Adds one progress line to a pull's state: layers by digest, so repeats do not count twice. */
export function addProgress(
  layers: Map<string, { completed: number; total: number }>,
  line: { status: string; digest?: string; total?: number; completed?: number },
): PullState {
  if (line.digest && line.total) {
    layers.set(line.digest, { total: line.total, completed: line.completed ?? 0 });
  }
  let completed = 0;
  let total = 0;
  for (const layer of layers.values()) {
    completed += layer.completed;
    total += layer.total;
  }
  return { status: line.status, completed, total };
}

/**
 * Pulls a model onto an Ollama backend, calling `onProgress` per line as it arrives; resolves
 * when Ollama reports success, rejects with the reason otherwise. `signal` cancels it.
 */
export async function pullModel({
  backendId,
  model,
  signal,
  onProgress,
}: {
  backendId: string;
  model: string;
  signal: AbortSignal;
  onProgress: (state: PullState) => void;
}): Promise<void> {
  const response = await fetch(`/api/admin/backends/${encodeURIComponent(backendId)}/pull`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ model }),
    signal,
  });
  if (!response.ok || !response.body) {
    // Refused before it began (validation, access): the usual error body.
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(
      body?.error?.code ?? 'internal',
      body?.error?.message ?? `The server answered ${response.status}.`,
      response.status,
    );
  }
  const layers = new Map<string, { completed: number; total: number }>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const text of lines) {
      if (!text.trim()) continue;
      const line = JSON.parse(text) as PullLine;
      if ('done' in line) return;
      if ('error' in line) throw new ApiError(line.error.code, line.error.message, 200);
      onProgress(addProgress(layers, line));
    }
  }
  throw new ApiError('incomplete_stream', 'The pull ended before Ollama reported success.', 200);
}
