import { z } from 'zod';

/** Per-slot generation parameters; stored as JSON on the slot and snapshotted on each message. */
export const slotParamsSchema = z
  .object({
    systemPrompt: z.string().max(20_000).optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().min(1).max(262_144).optional(),
    think: z.boolean().optional(),
  })
  .strict();
export type SlotParams = z.infer<typeof slotParamsSchema>;

export const runModeSchema = z.enum(['parallel', 'sequential']);
export type RunMode = z.infer<typeof runModeSchema>;

export const lineupSlotSchema = z
  .object({
    backendId: z.string().trim().min(1).max(100),
    model: z.string().trim().min(1).max(300),
    params: slotParamsSchema.default({}),
  })
  .strict();

export const createConversationSchema = z
  .object({
    lineup: z.array(lineupSlotSchema).min(2).max(6),
    runMode: runModeSchema.default('parallel'),
    title: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type CreateConversationInput = z.infer<typeof createConversationSchema>;

export const updateConversationSchema = z
  .object({
    runMode: runModeSchema.optional(),
    title: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const addTurnSchema = z.object({ prompt: z.string().trim().min(1).max(100_000) }).strict();

export const updateSlotSchema = z.object({ params: slotParamsSchema }).strict();

export const listConversationsQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
});

/** `?turns=N`: only the latest N turns of a conversation. */
export const conversationQuerySchema = z.object({
  turns: z.coerce.number().int().min(1).max(10_000).optional(),
});

/**
 * Turns the compare page renders at first, and per page of earlier ones: a conversation of
 * 200 turns × 4 answers took 2.3 s to render on the server and 9 s to become usable in the
 * browser when all were shown at once.
 */
export const TURNS_PER_PAGE = 10;

/**
 * How many of the sidebar's conversations come with a page (more than a tall screen shows);
 * the rest (up to 200) are fetched once the list is scrolled near its end.
 */
export const SIDEBAR_FIRST_CONVERSATIONS = 24;

/** `?before=<turn index>&limit=N`: the page of turns before that one. */
export const earlierTurnsQuerySchema = z.object({
  before: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(100).default(TURNS_PER_PAGE),
});

/** A battle's vote: A is better, B is better, a tie, or both are bad. */
export const battleOutcomeSchema = z.enum(['a', 'b', 'tie', 'bothbad']);
export type BattleOutcome = z.infer<typeof battleOutcomeSchema>;

export const voteSchema = z.object({ outcome: battleOutcomeSchema }).strict();

const poolSchema = z
  .array(
    z
      .object({
        backendId: z.string().trim().min(1).max(100),
        model: z.string().trim().min(1).max(300),
      })
      .strict(),
  )
  .min(2)
  .max(500);

/**
 * A battle's pool, the models it may pick from: every model of every reachable backend (within
 * the admin's pool) when left out.
 */
export const startBattleSchema = z.object({ pool: poolSchema.optional() }).strict();

/** The instance's battle pool (admin); null: every model. */
export const instancePoolSchema = z.object({ pool: poolSchema.nullable() }).strict();
export type StartBattleInput = z.infer<typeof startBattleSchema>;

/** A named verdict's best column: a slot position, or a tie. */
export const verdictBestSchema = z.union([z.number().int().min(0).max(5), z.literal('tie')]);
export type VerdictBest = z.infer<typeof verdictBestSchema>;

/** A named verdict on one turn of a comparison; `best: null` takes it back. */
export const verdictSchema = z
  .object({ turnId: z.string().min(1).max(64), best: verdictBestSchema.nullable() })
  .strict();

const flag = z
  .enum(['0', '1'])
  .optional()
  .transform((value) => value === '1');

/** `?named=1`: named verdicts too; `?style=1`: the style-controlled ratings beside the plain. */
export const leaderboardQuerySchema = z.object({ named: flag, style: flag });

const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));
const password = z.string().min(10, 'Use at least 10 characters.').max(256);
const personName = z.string().trim().min(1).max(100);

export const signUpSchema = z
  .object({ name: personName, email, password, invite: z.string().min(1).max(100).optional() })
  .strict();

export const createUserSchema = z
  .object({ name: personName, email, password, role: z.enum(['admin', 'user']).default('user') })
  .strict();

export const updateUserSchema = z
  .object({
    approved: z.boolean().optional(),
    role: z.enum(['admin', 'user']).optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

export const createApiTokenSchema = z.object({ name: z.string().trim().min(1).max(100) }).strict();

/** How long a share link lives: days from now, or null for no expiry. */
const shareExpirySchema = z.number().int().min(1).max(3650).nullable();

export const createShareSchema = z
  .object({
    blind: z.boolean().default(false),
    showOwner: z.boolean().default(false),
    indexable: z.boolean().default(false),
    expiresInDays: shareExpirySchema.default(null),
  })
  .strict();

/** `refresh` takes a new snapshot: the share then includes the turns added since. */
export const updateShareSchema = z
  .object({
    refresh: z.literal(true).optional(),
    showOwner: z.boolean().optional(),
    indexable: z.boolean().optional(),
    expiresInDays: shareExpirySchema.optional(),
  })
  .strict();

export type CreateShareInput = z.input<typeof createShareSchema>;
export type UpdateShareInput = z.input<typeof updateShareSchema>;

export const listSharesQuerySchema = z.object({ conversation: z.string().max(64).optional() });
/** `?format=json|markdown`: a conversation's export, the lossless file or the page to read. */
export const exportQuerySchema = z.object({ format: z.enum(['json', 'markdown']).default('json') });

/** A header name as HTTP allows it (a token; zod reports a bad one as an invalid key). */
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/);
/** Extra headers: values on one line, so that none can add a header of its own. */
const backendHeadersSchema = z
  .record(
    headerName,
    z
      .string()
      .max(4000)
      .regex(/^[^\r\n]*$/, 'one line'),
  )
  .refine((headers) => Object.keys(headers).length <= 20, 'at most 20 headers');

/** A backend's address: http(s), no query or fragment; a trailing slash is dropped. */
const backendBaseUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
  .max(2000)
  // Zod runs this even after the URL check failed: a text that is no URL is that check's.
  .refine((text) => {
    if (!URL.canParse(text)) return true;
    const url = new URL(text);
    return !url.search && !url.hash;
  }, 'must have no ?query or #fragment')
  .transform((text) => text.replace(/\/+$/, ''));

const backendFields = {
  kind: z.enum(['ollama', 'openai', 'deepseek']),
  label: z.string().trim().min(1).max(80),
  baseUrl: backendBaseUrl,
  // Absent: keep the stored key; null or empty: remove it.
  apiKey: z
    .string()
    .trim()
    .max(4000)
    .nullish()
    .transform((key) => (key === '' ? null : key)),
  headers: backendHeadersSchema.nullish(),
  enabled: z.boolean(),
};

/** A backend added on the admin page. */
export const createBackendSchema = z
  .object({ ...backendFields, enabled: backendFields.enabled.default(true) })
  .strict();
export type CreateBackendInput = z.infer<typeof createBackendSchema>;
export type CreateBackendBody = z.input<typeof createBackendSchema>;

/** A change to a backend: only what is sent changes. */
export const updateBackendSchema = z
  .object({
    label: backendFields.label.optional(),
    baseUrl: backendFields.baseUrl.optional(),
    apiKey: backendFields.apiKey,
    headers: backendFields.headers,
    enabled: backendFields.enabled.optional(),
  })
  .strict();
export type UpdateBackendInput = z.infer<typeof updateBackendSchema>;
export type UpdateBackendBody = z.input<typeof updateBackendSchema>;

/** "Test connection": a backend as typed, before it is saved; `id` lends a saved one's key. */
export const testBackendSchema = z
  .object({
    id: z.string().max(100).optional(),
    // The name as typed: the error messages start with it.
    label: backendFields.label.optional(),
    kind: backendFields.kind,
    baseUrl: backendFields.baseUrl,
    apiKey: backendFields.apiKey,
    headers: backendFields.headers,
  })
  .strict();
export type TestBackendInput = z.infer<typeof testBackendSchema>;
export type TestBackendBody = z.input<typeof testBackendSchema>;

/** An Ollama model to pull or delete, by name (`deepseek-r1:7b`, `library/qwen2.5:0.5b`). */
export const ollamaModelSchema = z
  .object({
    model: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/:]{0,199}$/, 'not an Ollama model name'),
  })
  .strict();
