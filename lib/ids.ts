import { randomBytes } from 'node:crypto';

/** Random, URL-safe ids (96 bits): unguessable enough for rows that are owner-checked anyway. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}
