/**
 * `npm run fake-backends`: try Versus without a GPU. Starts fake Ollama, vLLM and DeepSeek
 * servers on loopback and prints the lines to paste into .env.
 */
import { z } from 'zod';
import { defaultCatalog } from './catalog';
import { startFakeBackends } from './start';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);

// The fakes are a dev tool outside the app, so they read their own few variables here.
const env = z
  .object({
    FAKE_OLLAMA_PORT: port(11535),
    FAKE_OPENAI_PORT: port(8100),
    FAKE_DEEPSEEK_PORT: port(8200),
  })
  .parse(process.env);

const fakes = await startFakeBackends({
  ports: {
    ollama: env.FAKE_OLLAMA_PORT,
    openai: env.FAKE_OPENAI_PORT,
    deepseek: env.FAKE_DEEPSEEK_PORT,
  },
});

const models = (kind: keyof typeof defaultCatalog) =>
  defaultCatalog[kind].map((script) => script.id).join(', ');

console.log(`Fake backends are running.

  Ollama             ${fakes.urls.ollama}    (${models('ollama')})
  vLLM (OpenAI API)  ${fakes.urls.openai}    (${models('openai')})
  DeepSeek API       ${fakes.urls.deepseek}    (${models('deepseek')})

Paste into .env:

OLLAMA_BASE_URL=${fakes.urls.ollama}
OPENAI_API_BASE_URL=${fakes.urls.openai}
DEEPSEEK_BASE_URL=${fakes.urls.deepseek}
DEEPSEEK_API_KEY=sk-fake

Script a model:  curl -X POST ${fakes.urls.ollama}/__fake/models -d '{"id":"my-model","answer":"Hi!"}'
Ground truth:    curl ${fakes.urls.ollama}/__fake/runs
Press Ctrl+C to stop.`);

let closing = false;
const shutdown = (signal: NodeJS.Signals) => {
  if (closing) return;
  closing = true;
  console.log(`\n${signal}: closing fake backends…`);
  fakes.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
