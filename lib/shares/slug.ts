import { randomBytes } from 'node:crypto';

/** A share link's secret: 128 bits from the system's CSPRNG, 22 URL-safe characters. */
export function newSlug(): string {
  return randomBytes(16).toString('base64url');
}

/** The form newSlug makes; anything else is not looked up at all. */
export const SLUG_PATTERN = /^[\w-]{22}$/;

export function sharePath(slug: string): string {
  return `/s/${slug}`;
}
