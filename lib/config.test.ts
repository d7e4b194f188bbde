import { describe, expect, it } from 'vitest';
import { backendsFromEnv, type Env, secretKeyBytes } from './config';

const base: Env = {
  HOST: '127.0.0.1',
  PORT: 3000,
  OLLAMA_BASE_URL: undefined,
  OLLAMA_BASE_URLS: undefined,
  OPENAI_API_BASE_URL: undefined,
  OPENAI_API_KEY: undefined,
  OPENAI_API_BASE_URLS: undefined,
  OPENAI_API_KEYS: undefined,
  DEEPSEEK_API_KEY: undefined,
  DEEPSEEK_BASE_URL: undefined,
  VERSUS_FIRST_TOKEN_TIMEOUT_MS: 1,
  VERSUS_IDLE_TIMEOUT_MS: 1,
  VERSUS_CHECKPOINT_MS: 1,
  VERSUS_ALLOWED_HOSTS: undefined,
  VERSUS_AUTH: 'accounts',
  VERSUS_AUTH_SECRET: undefined,
  VERSUS_SECURE_COOKIES: '0',
  VERSUS_PUBLIC_URL: undefined,
  VERSUS_SHARE_VOTES_ON_LEADERBOARD: '0',
  VERSUS_TRUSTED_PROXIES: undefined,
};

describe('backendsFromEnv', () => {
  it('tries Ollama on its default address when nothing is configured', () => {
    expect(backendsFromEnv(base)).toEqual([
      { id: 'ollama', kind: 'ollama', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434' },
    ]);
  });

  it('reads Open WebUI style lists, pairing keys with URLs in order', () => {
    const backends = backendsFromEnv({
      ...base,
      OLLAMA_BASE_URLS: 'http://gpu-a:11434; http://gpu-b:11434',
      OPENAI_API_BASE_URLS: 'http://vllm:8000/v1;http://other:9000/v1',
      OPENAI_API_KEYS: 'key-a;key-b',
      DEEPSEEK_API_KEY: 'sk-1',
    });
    expect(backends.map((backend) => [backend.id, backend.baseUrl, backend.apiKey])).toEqual([
      ['ollama', 'http://gpu-a:11434', undefined],
      ['ollama-2', 'http://gpu-b:11434', undefined],
      ['openai', 'http://vllm:8000/v1', 'key-a'],
      ['openai-2', 'http://other:9000/v1', 'key-b'],
      ['deepseek', 'https://api.deepseek.com', 'sk-1'],
    ]);
  });

  it('rejects a URL that is not http(s)', () => {
    expect(() => backendsFromEnv({ ...base, OLLAMA_BASE_URLS: 'ftp://nope' })).toThrow();
  });
});

describe('secretKeyBytes', () => {
  it('takes 32 bytes as hex or base64, and nothing else', () => {
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, index) => index));
    expect(secretKeyBytes(bytes.toString('hex'))).toEqual(bytes);
    expect(secretKeyBytes(bytes.toString('base64'))).toEqual(bytes);
    expect(secretKeyBytes(bytes.subarray(0, 16).toString('base64'))).toBeUndefined();
    expect(secretKeyBytes('correct horse battery staple')).toBeUndefined();
  });
});
