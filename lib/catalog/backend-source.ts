/**
 * Where a Backend row came from: `env` (the configuration, mirrored at start: sync-backends.ts),
 * `ui`, or `import`. Slots point at a Backend row, so importing a conversation whose lineup
 * names a backend this instance does not have (by kind and label) records one: what it was,
 * and no more, since an exported file never carries an address or a key. Such a row has an
 * empty base URL and is no backend to talk to. It is never listed (GET /api/backends, the lineup
 * picker, battle pools), a new comparison cannot pick it, and a prompt or retry in its slot fails
 * there, before any request leaves (lib/generation/run-message.ts): an SDK given no address would
 * fall back to its default server (a local Ollama, api.openai.com). The imported conversation
 * stays readable, exportable and shareable, and its other slots go on answering. Keeping the row
 * rather than refusing the import keeps the file's lineup whole; mapping to a configured backend
 * of the same kind and label, when there is one, lets the conversation go on.
 */
export const IMPORTED_SOURCE = 'import';

/** The Prisma filter of backends one can send prompts to: not imported, disabled or removed. */
export const usableBackend = {
  source: { not: IMPORTED_SOURCE },
  enabled: true,
  removedAt: null,
} as const;
