import { readFileSync } from 'node:fs';
import { z } from 'zod';

// What scripts/test-multi-instance.mjs started, from the file it names in VERSUS_MULTI_STATE.
const stateSchema = z.object({
  harnessPid: z.number().int(),
  nginxUrl: z.string(),
  instances: z.array(
    z.object({ url: z.string(), upstream: z.string(), pid: z.number().int().nullable() }),
  ),
  fakes: z.object({ ollama: z.string(), openai: z.string(), deepseek: z.string() }),
});
export type Stack = z.infer<typeof stateSchema>;

/** The running stack; read afresh each time, since a restarted instance has a new pid. */
export function stack(): Stack {
  const file = process.env.VERSUS_MULTI_STATE;
  if (!file) {
    throw new Error(
      'Run these tests with `node scripts/test-multi-instance.mjs`, which starts the stack.',
    );
  }
  return stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
