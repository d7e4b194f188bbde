import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { now, sleep } from './clock';
import { goJson, rfc3339Nano } from './go-json';
import { readJsonBody, sendBody } from './http-io';
import { goJsonType } from './ollama-sinks';
import type { ResolvedModelScript } from './script';
import type { PullRecord, ServerState } from './state';

// Ollama's model management: /api/pull (NDJSON progress), /api/ps, /api/delete, in its words
// and field order (server/routes.go, server/images.go, api/types.go of Ollama 0.12).

/** Ollama keeps a model in memory this long after its last request (OLLAMA_KEEP_ALIVE). */
export const keepAliveMs = 5 * 60_000;
/** Progress lines for a model's weights, the one big layer. */
const weightSteps = 24;

const nameSchema = z.looseObject({
  model: z.string().optional(),
  name: z.string().optional(),
  stream: z.boolean().optional(),
});

function sendGo(res: ServerResponse, status: number, value: unknown): void {
  sendBody(res, status, goJson(value), goJsonType);
}

/** Ollama resolves a name without a tag to `:latest`. */
function withTag(name: string): string {
  return name.includes(':') ? name : `${name}:latest`;
}

async function requestedName(req: IncomingMessage) {
  const body = await readJsonBody(req);
  const parsed = nameSchema.safeParse(body.ok ? body.value : {});
  const data = parsed.success ? parsed.data : {};
  return { name: data.model || data.name || '', stream: data.stream ?? true };
}

/** A model's `details`, as Ollama's /api/tags, /api/ps and /api/show give them. */
export function modelDetails(script: ResolvedModelScript) {
  const { details } = script;
  return {
    parent_model: '',
    format: 'gguf',
    family: details.family,
    families: [details.family],
    parameter_size: details.parameterSize,
    quantization_level: details.quantization,
  };
}

const layerDigest = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/** The blobs of a model as a registry lists them: the weights, then template, license, params. */
function layersOf(script: ResolvedModelScript) {
  const small = [
    { digest: layerDigest(`${script.id} template`), total: 1_429 },
    { digest: layerDigest(`${script.id} license`), total: 11_343 },
    { digest: layerDigest(`${script.id} params`), total: 148 },
  ];
  const rest = small.reduce((sum, layer) => sum + layer.total, 0);
  const weights = {
    digest: `sha256:${script.details.digest}`,
    total: Math.max(script.details.sizeBytes - rest, 1),
  };
  return [weights, ...small];
}

/** POST /api/pull: progress as NDJSON, ending in "success" or an error line. */
export async function pull(req: IncomingMessage, res: ServerResponse, state: ServerState) {
  const { name, stream } = await requestedName(req);
  if (!name) return sendGo(res, 400, { error: 'model is required' });
  const script = state.pullable.get(name) ?? state.pullable.get(withTag(name));
  const total = script?.details.sizeBytes ?? 0;
  const record: PullRecord = { model: name, completed: 0, total, outcome: 'running' };
  state.pulls.push(record);
  const controller = new AbortController();
  res.on('close', () => controller.abort());

  const lines: unknown[] = [];
  const emit = (line: unknown) => {
    if (stream) {
      if (!res.headersSent) res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      res.write(`${goJson(line)}\n`);
    } else {
      lines.push(line);
    }
  };
  const finish = (outcome: PullRecord['outcome'], last: { status: string } | { error: string }) => {
    record.outcome = outcome;
    if (stream) {
      emit(last);
      res.end();
    } else {
      sendGo(res, 'error' in last ? 500 : 200, last);
    }
  };

  emit({ status: 'pulling manifest' });
  if (!(await sleep(state.pullStepMs, controller.signal))) return abort(record);
  if (!script) return finish('not-found', { error: 'pull model manifest: file does not exist' });

  for (const layer of layersOf(script)) {
    // Go's omitempty leaves out a zero `completed`, so a layer's first line has none.
    const status = `pulling ${layer.digest.slice(7, 19)}`;
    emit({ status, digest: layer.digest, total: layer.total });
    const steps = layer.total > 1_000_000 ? weightSteps : 1;
    for (let step = 1; step <= steps; step += 1) {
      if (!(await sleep(state.pullStepMs, controller.signal))) return abort(record);
      const completed = Math.round((layer.total * step) / steps);
      record.completed += completed - Math.round((layer.total * (step - 1)) / steps);
      emit({ status, digest: layer.digest, total: layer.total, completed });
    }
  }
  emit({ status: 'verifying sha256 digest' });
  emit({ status: 'writing manifest' });
  state.setModel(script);
  finish('success', { status: 'success' });
}

function abort(record: PullRecord): void {
  record.outcome = 'aborted';
}

/** GET /api/ps: the models in memory, with how much of each is in VRAM and until when. */
export function ps(res: ServerResponse, state: ServerState) {
  const at = now();
  const models = [...state.loaded.values()]
    .filter((loaded) => loaded.expiresAt > at)
    .flatMap((loaded) => {
      const script = state.getModel(loaded.id)?.script;
      if (!script) return [];
      const size = script.details.sizeBytes;
      return [
        {
          name: script.id,
          model: script.id,
          size,
          digest: script.details.digest,
          details: modelDetails(script),
          expires_at: rfc3339Nano(loaded.expiresAt),
          size_vram: Math.round(size * script.details.vramFraction),
          context_length: Math.min(script.details.contextLength, 4096),
        },
      ];
    });
  sendGo(res, 200, { models });
}

/** DELETE /api/delete: an empty 200, or 404 in Ollama's words. */
export async function remove(req: IncomingMessage, res: ServerResponse, state: ServerState) {
  const { name } = await requestedName(req);
  if (!name) return sendGo(res, 400, { error: 'model is required' });
  const id = state.getModel(name) ? name : withTag(name);
  if (!state.deleteModel(id)) return sendGo(res, 404, { error: `model '${name}' not found` });
  res.writeHead(200, { 'Content-Length': 0 });
  res.end();
}

/** A chat keeps its model loaded for keepAliveMs more. */
export function markLoaded(state: ServerState, id: string): void {
  state.loaded.set(id, { id, expiresAt: now() + keepAliveMs });
}
