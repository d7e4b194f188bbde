import { sha256 } from '@noble/hashes/sha2.js';

/**
 * A CSP hash source for one script text or handler value, over its UTF-8 bytes. Computed in
 * JavaScript rather than with crypto.subtle, which a page served over plain http on a LAN
 * address does not have.
 */
export function hashSource(text: string): string {
  let binary = '';
  for (const byte of sha256(new TextEncoder().encode(text))) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

/**
 * The preview's own Content Security Policies, both enforced. The first: only the scripts and
 * handlers it was built with run (each starts with the prelude; `'unsafe-hashes'`, only when
 * there are handlers, extends the hashes to them), inline styles apply, nothing reaches the
 * network (no fetch, no images or fonts from a URL, no form posts), and nothing loads a base.
 * The second refuses every script URL: on its own the first would let
 * `<script src=… integrity="sha256-(an allowed hash)">` be requested, as Chromium matches hashes
 * against a script's integrity; `'unsafe-inline'` there adds nothing, inline code must pass both.
 */
export function previewPolicies({ hashes, handlers }: { hashes: Set<string>; handlers: boolean }) {
  const scripts = [...hashes, ...(handlers ? ["'unsafe-hashes'"] : [])];
  const main = [
    "default-src 'none'",
    `script-src ${scripts.length > 0 ? scripts.join(' ') : "'none'"}`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    'media-src data: blob:',
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return [main, "script-src 'unsafe-inline'"];
}
