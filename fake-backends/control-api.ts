import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readJsonBody, sendJson } from './http-io';
import { modelScriptSchema, resolveScript } from './script';
import type { ServerState } from './state';

export const controlPrefix = '/__fake/';

/**
 * The same state the programmatic API touches, over JSON, so a test in another process
 * (Playwright, the app's integration tests) can script models and read ground truth:
 * - POST /__fake/models  body: ModelScript → adds or replaces that model on this server
 * - GET  /__fake/models  → { models: ResolvedModelScript[] }
 * - GET  /__fake/runs    → { runs: Run[] }
 * - POST /__fake/reset   → back to the catalog, runs cleared
 * - POST /__fake/pull-pace  body: { stepMs } → the pause between two lines of an Ollama pull
 * - GET  /__fake/pulls   → { pulls: PullRecord[] } (Ollama: each /api/pull and how it ended)
 */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  state: ServerState,
): Promise<void> {
  const route = `${req.method} ${path}`;
  if (route === 'GET /__fake/runs') return sendJson(res, 200, { runs: state.snapshot() });
  if (route === 'GET /__fake/models') {
    return sendJson(res, 200, { models: state.listModels().map((stored) => stored.script) });
  }
  if (route === 'POST /__fake/reset') {
    state.reset();
    return sendJson(res, 200, { ok: true });
  }
  if (route === 'GET /__fake/pulls') return sendJson(res, 200, { pulls: state.pulls });
  if (route === 'POST /__fake/pull-pace') {
    const body = await readJsonBody(req);
    const parsed = z
      .strictObject({ stepMs: z.number().nonnegative().max(60_000) })
      .safeParse(body.ok ? body.value : undefined);
    if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
    state.pullStepMs = parsed.data.stepMs;
    return sendJson(res, 200, { stepMs: state.pullStepMs });
  }
  if (route === 'POST /__fake/models') {
    const body = await readJsonBody(req);
    if (!body.ok) return sendJson(res, 400, { error: `invalid body: ${body.detail}` });
    const parsed = modelScriptSchema.safeParse(body.value);
    if (!parsed.success) {
      return sendJson(res, 400, {
        error: z.prettifyError(parsed.error),
        issues: parsed.error.issues,
      });
    }
    const script = resolveScript(body.value);
    state.setModel(script);
    return sendJson(res, 200, { model: script });
  }
  sendJson(res, 404, { error: `no control route ${route}` });
}
