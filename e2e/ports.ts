// Another run on the same machine (CI, a second checkout) can shift every port at once.
const offset = Number(process.env.VERSUS_E2E_PORT_OFFSET ?? 0);

/** Fixed loopback ports of the end-to-end stack (fake backends and the app under test). */
export const E2E = {
  ports: {
    ollama: 11_635 + offset,
    openai: 8_300 + offset,
    deepseek: 8_400 + offset,
    app: 3_210 + offset,
    /** The same app with accounts (e2e/accounts.spec.ts); the other runs in single-user mode. */
    accountsApp: 3_211 + offset,
  },
  get appUrl() {
    return `http://127.0.0.1:${this.ports.app}`;
  },
  get accountsAppUrl() {
    return `http://127.0.0.1:${this.ports.accountsApp}`;
  },
  fakeUrl(kind: 'ollama' | 'openai' | 'deepseek') {
    return `http://127.0.0.1:${this.ports[kind]}`;
  },
};
