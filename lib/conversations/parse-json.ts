import type { z } from 'zod';

/** JSON columns are written only by us, but old rows may predate a field: parse, never trust. */
export function parseJsonColumn<T extends z.ZodType>(schema: T, text: string): z.infer<T> {
  try {
    const result = schema.safeParse(JSON.parse(text));
    if (result.success) return result.data;
  } catch {
    // fall through to the schema's empty value
  }
  return schema.parse({});
}
