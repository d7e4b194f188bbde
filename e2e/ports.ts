/** Fixed loopback ports of the end-to-end stack (fake backends and the app under test). */
export const E2E = {
  ports: { ollama: 11_635, openai: 8_300, deepseek: 8_400, app: 3_210 },
  get appUrl() {
    return `http://127.0.0.1:${this.ports.app}`;
  },
  fakeUrl(kind: 'ollama' | 'openai' | 'deepseek') {
    return `http://127.0.0.1:${this.ports[kind]}`;
  },
};
