import type { SlotParams } from '@/lib/api/inputs';
import type { MessageMetrics } from '@/lib/api/views';
import type { ModelInfo } from '@/lib/backends/types';
import { groupDigits } from '@/lib/client/group-digits';

/** `412 ms` under a second, `16.4 s` under a minute, then `2 m 05 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} m ${String(whole % 60).padStart(2, '0')} s`;
}

export function formatRate(tokensPerSecond: number): string {
  return tokensPerSecond >= 100 ? tokensPerSecond.toFixed(0) : tokensPerSecond.toFixed(1);
}

export interface MetricPart {
  key: 'ttft' | 'answer' | 'rate' | 'prompt' | 'tokens' | 'load' | 'total';
  text: string;
  title: string;
}

/** The footer line, part by part; absent figures are left out rather than faked. */
export function metricParts(metrics: MessageMetrics): MetricPart[] {
  const parts: MetricPart[] = [];
  const add = (key: MetricPart['key'], text: string, title: string) =>
    parts.push({ key, text, title });
  if (metrics.ttftMs !== null) {
    add(
      'ttft',
      `TTFT ${formatDuration(metrics.ttftMs)}`,
      'Time to first token: request sent → first token of any kind, reasoning included',
    );
  }
  if (metrics.answerTtftMs !== null) {
    add(
      'answer',
      `answer ${formatDuration(metrics.answerTtftMs)}`,
      'Time to the first answer token: request sent → first token after the reasoning',
    );
  }
  if (metrics.tokensPerSecond !== null) {
    add(
      'rate',
      `${formatRate(metrics.tokensPerSecond)} tok/s`,
      'Decode rate: tokens per second after the first token (model load never counts)',
    );
  }
  if (metrics.completionTokens !== null) {
    const estimated = !metrics.countsReported;
    add(
      'tokens',
      `${estimated ? '~' : ''}${groupDigits(metrics.completionTokens)} tok`,
      estimated
        ? 'Counted by Versus from stream chunks: the backend reported no token usage'
        : 'Completion tokens, as reported by the backend',
    );
  }
  if (metrics.promptTokens !== null) {
    add(
      'prompt',
      `prompt ${groupDigits(metrics.promptTokens)}`,
      'Prompt tokens (history included), as reported by the backend',
    );
  }
  if (metrics.loadMs !== null) {
    add(
      'load',
      `load ${formatDuration(metrics.loadMs)}`,
      "Time the backend spent loading the model (Ollama's load_duration): part of TTFT, never of tok/s",
    );
  }
  if (metrics.totalMs !== null) {
    add('total', formatDuration(metrics.totalMs), 'Total: request sent → last byte');
  }
  return parts;
}

/** What the backend says about a model, e.g. `7.6B · Q4_K_M`. */
export function modelHint(info: Partial<ModelInfo> | undefined): string {
  if (!info) return '';
  return [info.parameterSize, info.quantization].filter(Boolean).join(' · ');
}

/** One line for a parameters button: only what differs from the backend's defaults. */
export function paramsSummary(params: SlotParams): string {
  const parts: string[] = [];
  if (params.temperature !== undefined) parts.push(`T ${params.temperature}`);
  if (params.maxTokens !== undefined) parts.push(`max ${params.maxTokens}`);
  if (params.think !== undefined) parts.push(`think ${params.think ? 'on' : 'off'}`);
  if (params.systemPrompt) parts.push('system');
  return parts.length > 0 ? parts.join(' · ') : 'defaults';
}

/** `deepseek-ai/DeepSeek-R1-Distill-Qwen-32B` → `DeepSeek-R1-Distill-Qwen-32B`, for tight spots. */
export function shortModelName(model: string): string {
  return model.slice(model.lastIndexOf('/') + 1);
}
