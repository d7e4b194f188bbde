import 'server-only';
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import type { BackendConnection, BackendKind } from '@/lib/backends/types';
import { allowedHosts } from '@/lib/http/allowed-hosts';

/** A backend named by the environment; synced into the Backend table at start-up. */
export interface ConfiguredBackend extends BackendConnection {
  id: string;
  kind: BackendKind;
  label: string;
}

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));
const url = z.url({ protocol: /^https?$/ });
/** How to make a VERSUS_SECRET_KEY; errors that need one say it. */
export const SECRET_KEY_HOWTO = 'make one with `openssl rand -base64 32`';

/** A 32-byte key from 64 hex digits or base64; undefined for anything else. */
export function secretKeyBytes(text: string): Buffer | undefined {
  const bytes = /^[0-9a-f]{64}$/i.test(text)
    ? Buffer.from(text, 'hex')
    : Buffer.from(text, 'base64');
  return bytes.length === 32 ? bytes : undefined;
}

const milliseconds = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

// Names follow Open WebUI where it has one, so its users can reuse their .env.
const envSchema = z.object({
  HOST: z.string().trim().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  OLLAMA_BASE_URL: optionalText.pipe(url.optional()),
  OLLAMA_BASE_URLS: optionalText,
  OPENAI_API_BASE_URL: optionalText.pipe(url.optional()),
  OPENAI_API_KEY: optionalText,
  OPENAI_API_BASE_URLS: optionalText,
  OPENAI_API_KEYS: optionalText,
  DEEPSEEK_API_KEY: optionalText,
  DEEPSEEK_BASE_URL: optionalText.pipe(url.optional()),
  VERSUS_FIRST_TOKEN_TIMEOUT_MS: milliseconds(180_000),
  VERSUS_IDLE_TIMEOUT_MS: milliseconds(60_000),
  VERSUS_CHECKPOINT_MS: milliseconds(1_000),
  VERSUS_ALLOWED_HOSTS: optionalText,
  // accounts (the default): sign-in, an admin, approvals. single-user: no sign-in, loopback only.
  VERSUS_AUTH: z.enum(['accounts', 'single-user']).default('accounts'),
  // Signs session cookies; by default a random one kept in data/auth-secret.
  VERSUS_AUTH_SECRET: optionalText.pipe(z.string().min(32).optional()),
  // Behind a TLS proxy: cookies get the Secure attribute.
  VERSUS_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  // The address people reach Versus by, for absolute links in share previews (og:image); by
  // default the request's own Host.
  VERSUS_PUBLIC_URL: optionalText.pipe(url.optional()),
  // Recipients' votes on shared blind challenges count on the leaderboard (off: kept apart).
  VERSUS_SHARE_VOTES_ON_LEADERBOARD: z.enum(['0', '1']).default('0'),
  // Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client.
  VERSUS_TRUSTED_PROXIES: optionalText,
  // Seals the API keys and headers of backends added on the admin page (32 bytes, base64 or hex).
  VERSUS_SECRET_KEY: optionalText.pipe(
    z
      .string()
      .transform(secretKeyBytes)
      .refine((key) => key !== undefined, {
        message: `must be 32 bytes, as 64 hex digits or base64 (${SECRET_KEY_HOWTO})`,
      })
      .optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

const splitList = (value: string | undefined) =>
  (value ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);

function hostLabel(baseUrl: string): string {
  return new URL(baseUrl).host;
}

/** Which backends the environment asks for; Ollama's default address is always tried. */
export function backendsFromEnv(env: Env): ConfiguredBackend[] {
  const backends: ConfiguredBackend[] = [];
  const ollamaUrls = splitList(env.OLLAMA_BASE_URLS);
  if (ollamaUrls.length === 0) ollamaUrls.push(env.OLLAMA_BASE_URL ?? 'http://127.0.0.1:11434');
  ollamaUrls.forEach((baseUrl, index) => {
    url.parse(baseUrl);
    backends.push({
      id: index === 0 ? 'ollama' : `ollama-${index + 1}`,
      kind: 'ollama',
      label: ollamaUrls.length > 1 ? `Ollama (${hostLabel(baseUrl)})` : 'Ollama',
      baseUrl,
    });
  });

  const openaiUrls = splitList(env.OPENAI_API_BASE_URLS);
  const openaiKeys = splitList(env.OPENAI_API_KEYS);
  if (openaiUrls.length === 0 && env.OPENAI_API_BASE_URL) {
    openaiUrls.push(env.OPENAI_API_BASE_URL);
    if (env.OPENAI_API_KEY) openaiKeys[0] = env.OPENAI_API_KEY;
  }
  openaiUrls.forEach((baseUrl, index) => {
    url.parse(baseUrl);
    backends.push({
      id: index === 0 ? 'openai' : `openai-${index + 1}`,
      kind: 'openai',
      label: `OpenAI-compatible (${hostLabel(baseUrl)})`,
      baseUrl,
      apiKey: openaiKeys[index] ?? null,
    });
  });

  if (env.DEEPSEEK_API_KEY) {
    backends.push({
      id: 'deepseek',
      kind: 'deepseek',
      label: 'DeepSeek',
      baseUrl: env.DEEPSEEK_BASE_URL ?? 'https://api.deepseek.com',
      apiKey: env.DEEPSEEK_API_KEY,
    });
  }
  return backends;
}

/** `127.0.0.1, 172.16.0.0/12, ::1` as a BlockList; a malformed entry stops the start. */
export function trustedProxies(list: string | undefined): BlockList {
  const proxies = new BlockList();
  for (const entry of (list ?? '').split(/[\s,;]+/).filter(Boolean)) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (isIP(address) === 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits))) {
      throw new Error(
        `VERSUS_TRUSTED_PROXIES: "${entry}" is not an address or an address/bits range.`,
      );
    }
    if (bits === undefined) proxies.addAddress(address, type);
    else proxies.addSubnet(address, Number(bits), type);
  }
  return proxies;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function loadConfig() {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  if (env.VERSUS_AUTH === 'single-user' && !isLoopback(env.HOST)) {
    throw new Error(
      `VERSUS_AUTH=single-user lets anyone who reaches Versus read every conversation and spend every key: it is allowed on a loopback HOST only, not on ${env.HOST}. Use accounts (the default) to open Versus to a network.`,
    );
  }
  return {
    host: env.HOST,
    port: env.PORT,
    /** Listening beyond loopback. */
    exposed: !isLoopback(env.HOST),
    /** Accounts and sign-in, or one local user without sign-in (loopback only). */
    auth: env.VERSUS_AUTH,
    authSecret: env.VERSUS_AUTH_SECRET,
    secureCookies: env.VERSUS_SECURE_COOKIES === '1',
    allowedHosts: allowedHosts({
      listenHost: env.HOST,
      port: env.PORT,
      extra: (env.VERSUS_ALLOWED_HOSTS ?? '').split(/[\s,;]+/),
    }),
    backends: backendsFromEnv(env),
    firstTokenTimeoutMs: env.VERSUS_FIRST_TOKEN_TIMEOUT_MS,
    idleTimeoutMs: env.VERSUS_IDLE_TIMEOUT_MS,
    checkpointMs: env.VERSUS_CHECKPOINT_MS,
    publicUrl: env.VERSUS_PUBLIC_URL?.replace(/\/+$/, ''),
    shareVotesOnLeaderboard: env.VERSUS_SHARE_VOTES_ON_LEADERBOARD === '1',
    trustedProxies: trustedProxies(env.VERSUS_TRUSTED_PROXIES),
    /** Seals backend keys at rest (lib/catalog/secret-box.ts); none: no key can be stored. */
    secretKey: env.VERSUS_SECRET_KEY,
  };
}

export type Config = ReturnType<typeof loadConfig>;

/** Parsed once, at first import. */
export const config: Config = loadConfig();
