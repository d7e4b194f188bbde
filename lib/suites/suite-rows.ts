import 'server-only';
import { z } from 'zod';
import { type SaveSuiteInput, saveSuiteSchema, suiteSettingsSchema } from '@/lib/api/suite-inputs';
import type { SuitePrompt, SuiteView } from '@/lib/api/suite-views';
import { parseJsonColumn } from '@/lib/conversations/parse-json';
import { newId } from '@/lib/ids';
import { suiteCheckSchema } from './checks';

/** A suite's prompts as stored, in its row and in a run's copy of it. */
export const storedPromptsSchema = z.array(
  z.object({ id: z.string(), title: z.string(), prompt: z.string(), check: suiteCheckSchema }),
);

/** A suite's prompts column; rows are written only by us, so a bad one reads as empty. */
function parsePrompts(text: string): SuitePrompt[] {
  try {
    return storedPromptsSchema.parse(JSON.parse(text));
  } catch {
    return [];
  }
}

const parseSettings = (text: string) => parseJsonColumn(suiteSettingsSchema, text);

/** The columns a suite is stored in; a prompt keeps its id, a new one gets one. */
export function suiteColumns(input: SaveSuiteInput) {
  const suite = saveSuiteSchema.parse(input);
  const seen = new Set<string>();
  const prompts: SuitePrompt[] = suite.prompts.map((prompt) => {
    let id = prompt.id && !seen.has(prompt.id) ? prompt.id : newId();
    while (seen.has(id)) id = newId();
    seen.add(id);
    return { id, title: prompt.title, prompt: prompt.prompt, check: prompt.check };
  });
  return {
    name: suite.name,
    prompts: JSON.stringify(prompts),
    settings: JSON.stringify(suite.settings),
  };
}

export function toSuiteView(row: {
  id: string;
  name: string;
  prompts: string;
  settings: string;
  createdAt: Date;
  updatedAt: Date;
}): SuiteView {
  return {
    id: row.id,
    name: row.name,
    prompts: parsePrompts(row.prompts),
    settings: parseSettings(row.settings),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
