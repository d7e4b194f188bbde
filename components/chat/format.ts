import type { SlotParams } from '@/lib/api/inputs';
import type { MessageMetrics } from '@/lib/api/views';
import type { ModelInfo } from '@/lib/backends/types';

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
  key: 'ttft' | 'rate' | 'tokens' | 'total';
  text: string;
  title: string;
}

/** The footer line, part by part; absent figures are left out rather than faked. */
export function metricParts(metrics: MessageMetrics): MetricPart[] {
  const parts: MetricPart[] = [];
  if (metrics.ttftMs !== null) {
    parts.push({
      key: 'ttft',
      text: `TTFT ${formatDuration(metrics.ttftMs)}`,
      title: 'Time to first token: request sent → first reasoning or answer token',
    });
  }
  if (metrics.tokensPerSecond !== null) {
    parts.push({
      key: 'rate',
      text: `${formatRate(metrics.tokensPerSecond)} tok/s`,
      title: 'Decode rate: tokens per second after the first token',
    });
  }
  if (metrics.completionTokens !== null) {
    const estimated = !metrics.countsReported;
    parts.push({
      key: 'tokens',
      text: `${estimated ? '~' : ''}${metrics.completionTokens.toLocaleString('en-US')} tok`,
      title: estimated
        ? 'Counted by Versus from stream chunks: the backend reported no token usage'
        : 'Completion tokens, as reported by the backend',
    });
  }
  if (metrics.totalMs !== null) {
    parts.push({
      key: 'total',
      text: formatDuration(metrics.totalMs),
      title: 'Total: request sent → last byte',
    });
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
