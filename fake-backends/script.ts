import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The three servers the fakes stand in for. */
export type BackendKind = 'ollama' | 'openai' | 'deepseek';
export const backendKinds: readonly BackendKind[] = ['ollama', 'openai', 'deepseek'];

/** Where a model puts its reasoning trace; planTokens in tokens.ts spells each one out. */
export const reasoningStyles = [
  'none',
  'field',
  'reasoning-field',
  'think-tags',
  'closing-tag',
] as const;
export type ReasoningStyle = (typeof reasoningStyles)[number];

const tokenCount = z.number().int().nonnegative();

export const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('http-error'),
    status: z.union([
      z.literal(400),
      z.literal(401),
      z.literal(402),
      z.literal(404),
      z.literal(422),
      z.literal(429),
      z.literal(500),
      z.literal(503),
    ]),
    message: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal('context-too-long') }),
  z.strictObject({ kind: z.literal('model-not-found') }),
  z.strictObject({
    kind: z.literal('error-mid-stream'),
    afterTokens: tokenCount,
    message: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal('malformed-line'), afterTokens: tokenCount }),
  z.strictObject({
    kind: z.literal('keepalive-only'),
    intervalMs: z.number().positive().optional(),
  }),
  z.strictObject({ kind: z.literal('stall'), afterTokens: tokenCount }),
  z.strictObject({ kind: z.literal('truncate'), afterTokens: tokenCount }),
  z.strictObject({ kind: z.literal('drop'), afterTokens: tokenCount }),
]);
export type Fault = z.infer<typeof faultSchema>;

const detailsSchema = z.strictObject({
  parameterSize: z.string().optional(),
  quantization: z.string().optional(),
  family: z.string().optional(),
  digest: z.string().optional(),
  sizeBytes: z.number().int().nonnegative().optional(),
  contextLength: z.number().int().positive().optional(),
  // Ollama: the share of the loaded model in VRAM (/api/ps size_vram / size); the rest runs on CPU.
  vramFraction: z.number().min(0).max(1).optional(),
});

// Strict objects: a typo in a test's script should fail loudly, not be ignored.
export const modelScriptSchema = z.strictObject({
  id: z.string().min(1),
  tokensPerSecond: z.number().positive().default(40),
  ttftMs: z.number().nonnegative().default(150),
  reasoningStyle: z.enum(reasoningStyles).default('none'),
  reasoning: z.string().optional(),
  answer: z.string().optional(),
  splitTags: z.boolean().default(false),
  splitUtf8: z.boolean().default(false),
  details: detailsSchema.default({}),
  supportsThinking: z.boolean().optional(),
  // Ollama's /api/show capabilities; by default completion, and thinking when supported.
  capabilities: z.array(z.string()).optional(),
  fault: faultSchema.optional(),
});

/** What a caller writes: every field but id may be left out. */
export type ModelScript = z.input<typeof modelScriptSchema>;

/** A script with every default filled in; what the servers run. */
export interface ResolvedModelScript {
  id: string;
  tokensPerSecond: number;
  ttftMs: number;
  reasoningStyle: ReasoningStyle;
  reasoning: string;
  answer: string;
  splitTags: boolean;
  splitUtf8: boolean;
  details: Required<z.infer<typeof detailsSchema>>;
  supportsThinking: boolean;
  capabilities: string[];
  fault: Fault | null;
}

const defaultReasoning =
  'The user wants a short answer. I will keep it plain and friendly, then stop.';

/** Parses and fills defaults; throws a ZodError on bad input. */
export function resolveScript(input: unknown): ResolvedModelScript {
  const script = modelScriptSchema.parse(input);
  const { details } = script;
  // Only a model whose template separates thinking may be asked to think (Ollama's rule).
  const supportsThinking = script.supportsThinking ?? script.reasoningStyle === 'field';
  return {
    id: script.id,
    tokensPerSecond: script.tokensPerSecond,
    ttftMs: script.ttftMs,
    reasoningStyle: script.reasoningStyle,
    reasoning: script.reasoning ?? (script.reasoningStyle === 'none' ? '' : defaultReasoning),
    answer: script.answer ?? `Hello from ${script.id}. You said: {{prompt}}`,
    splitTags: script.splitTags,
    splitUtf8: script.splitUtf8,
    details: {
      parameterSize: details.parameterSize ?? '7.6B',
      quantization: details.quantization ?? 'Q4_K_M',
      family: details.family ?? 'llama',
      // Stable per id, so listings do not change between runs.
      digest: details.digest ?? createHash('sha256').update(script.id).digest('hex'),
      sizeBytes: details.sizeBytes ?? 4_683_087_332,
      contextLength: details.contextLength ?? 4096,
      vramFraction: details.vramFraction ?? 1,
    },
    supportsThinking,
    capabilities: script.capabilities ?? ['completion', ...(supportsThinking ? ['thinking'] : [])],
    fault: script.fault ?? null,
  };
}
