/**
 * Fake LLM servers for trying Versus without a GPU and for tests: Ollama (NDJSON), vLLM's
 * OpenAI-compatible server and the DeepSeek API (both SSE), each on its own loopback port,
 * speaking the real wire formats byte for byte. Models are scripted (script.ts): speed,
 * time to first token, where the reasoning goes, and faults. Every chat request leaves a
 * Run with the ground truth the app's metrics can be checked against. The same controls
 * are served over HTTP under /__fake/ (control-api.ts) for tests in other processes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultCatalog, pullableCatalog } from './catalog';
import { controlPrefix, handleControl } from './control-api';
import { deepseekFlavour } from './deepseek-flavour';
import { sendJson } from './http-io';
import { handleOllama } from './ollama-protocol';
import { handleOpenAI } from './openai-protocol';
import {
  type BackendKind,
  backendKinds,
  type ModelScript,
  type ResolvedModelScript,
  resolveScript,
} from './script';
import { type Run, ServerState } from './state';
import { vllmFlavour } from './vllm-flavour';

export type { BackendKind, Fault, ModelScript, ResolvedModelScript } from './script';
export type { Run } from './state';

export interface FakeBackendsOptions {
  /** Loopback by default: the fakes need no one else. */
  host?: string;
  /** 0 (the default) picks a free port. */
  ports?: Partial<Record<BackendKind, number>>;
  /** Start with the default catalog (true) or with no models at all. */
  catalog?: boolean;
  /** Interval of DeepSeek's `: keep-alive` comments while a request waits (default 1000). */
  keepAliveMs?: number;
}

export interface FakeBackends {
  urls: {
    ollama: string /** Ends with /v1, as OpenAI clients expect. */;
    openai: string;
    deepseek: string;
  };
  /** Adds or replaces a model on one server; returns it with every default filled in. */
  scriptModel(kind: BackendKind, script: ModelScript): ResolvedModelScript;
  /** Ground truth of every chat request, oldest first; all servers when kind is omitted. */
  runs(kind?: BackendKind): Run[];
  /** Back to the starting models on every server; runs cleared. */
  reset(): void;
  /** Ends open streams (their runs become aborted) and stops listening. */
  close(): Promise<void>;
}

export async function startFakeBackends(options: FakeBackendsOptions = {}): Promise<FakeBackends> {
  const host = options.host ?? '127.0.0.1';
  const keepAliveMs = options.keepAliveMs ?? 1000;
  const catalogFor = (kind: BackendKind) =>
    options.catalog === false ? [] : defaultCatalog[kind].map((script) => resolveScript(script));
  const states: Record<BackendKind, ServerState> = {
    ollama: new ServerState(
      'ollama',
      catalogFor('ollama'),
      pullableCatalog.map((script) => resolveScript(script)),
    ),
    openai: new ServerState('openai', catalogFor('openai')),
    deepseek: new ServerState('deepseek', catalogFor('deepseek')),
  };

  const servers: Server[] = [];
  const ports = {} as Record<BackendKind, number>;
  try {
    for (const kind of backendKinds) {
      const server = createServer({ noDelay: true }, (req, res) => {
        route(kind, states[kind], keepAliveMs, req, res).catch(reportCrash(kind, req, res));
      });
      servers.push(server);
      ports[kind] = await listen(server, host, options.ports?.[kind] ?? 0);
    }
  } catch (error) {
    await closeServers(servers);
    throw error;
  }

  const origin = (port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    urls: {
      ollama: origin(ports.ollama),
      openai: `${origin(ports.openai)}/v1`,
      deepseek: origin(ports.deepseek),
    },
    scriptModel(kind, script) {
      const resolved = resolveScript(script);
      states[kind].setModel(resolved);
      return resolved;
    },
    runs(kind) {
      const kinds = kind ? [kind] : backendKinds;
      return kinds
        .flatMap((each) => states[each].snapshot())
        .sort((a, b) => a.startedAt - b.startedAt);
    },
    reset() {
      for (const kind of backendKinds) states[kind].reset();
    },
    async close() {
      await Promise.all(backendKinds.map((kind) => states[kind].destroyOpen()));
      await closeServers(servers);
    },
  };
}

async function route(
  kind: BackendKind,
  state: ServerState,
  keepAliveMs: number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://fake.invalid').pathname;
  if (path.startsWith(controlPrefix)) return handleControl(req, res, path, state);
  if (kind === 'ollama') return handleOllama(req, res, path, state);
  const flavour = kind === 'deepseek' ? deepseekFlavour : vllmFlavour;
  return handleOpenAI(req, res, path, state, flavour, { keepAliveMs });
}

/** A bug in the fakes must show up in the test that hit it, not crash or hang it. */
function reportCrash(kind: BackendKind, req: IncomingMessage, res: ServerResponse) {
  return (error: unknown) => {
    console.error(`[fake-backends] ${kind} ${req.method} ${req.url}:`, error);
    if (res.headersSent) res.destroy();
    else sendJson(res, 500, { error: 'fake backend crashed; see its log' });
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServers(servers: Server[]): Promise<void> {
  return Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          if (!server.listening) return resolve();
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  ).then(() => undefined);
}
