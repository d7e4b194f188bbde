import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Generation runs in this process; keep native and server-only packages out of the bundle.
  serverExternalPackages: [
    'better-sqlite3',
    '@prisma/adapter-better-sqlite3',
    '@prisma/adapter-pg',
    'pg',
  ],
  poweredByHeader: false,
  // Security headers are set by the request gate (lib/http/gate.ts) on every answer, Next.js's
  // own redirects and static files included.
  compiler: {
    runAfterProductionCompile: async ({ distDir }) => addCompileHints(distDir),
  },
};

export default nextConfig;

/**
 * Explicit compile hints (Chromium 136+, v8.dev/blog/explicit-compile-hints): a script that
 * starts with this comment has all its functions compiled while it streams in, on a background
 * thread, instead of one at a time on the main thread the first time each runs. The chunks a
 * page starts with run most of their functions during hydration; compiled lazily, that was
 * about half of a page load's longest task (55 of 100 ms, Chromium with a phone's screen).
 * Chunks loaded later (Markdown, KaTeX, grammars) are left to compile lazily. Other browsers
 * read a comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

function addCompileHints(distDir: string) {
  for (const file of startupChunks(distDir)) {
    const path = join(distDir, file);
    const code = readFileSync(path, 'utf8');
    if (code.startsWith(COMPILE_HINT)) continue;
    writeFileSync(path, COMPILE_HINT + code);
    // A source map (productionBrowserSourceMaps) must skip the line added.
    const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
    if (map && !map.startsWith('data:')) shiftSourceMap(join(path, '..', map));
  }
}

/** The chunks of the framework and of every route's entry: the ones a page load runs. */
function startupChunks(distDir: string): Set<string> {
  const build = JSON.parse(readFileSync(join(distDir, 'build-manifest.json'), 'utf8'));
  const chunks = new Set<string>(build.rootMainFiles);
  for (const manifest of filesUnder(join(distDir, 'server/app'))) {
    if (!manifest.endsWith('_client-reference-manifest.js')) continue;
    // `globalThis.__RSC_MANIFEST["/route"] = {…};`
    const text = readFileSync(manifest, 'utf8');
    const json = text.slice(text.indexOf('] = ') + 4).replace(/;\s*$/, '');
    const entries: Record<string, string[]> = JSON.parse(json).entryJSFiles ?? {};
    for (const files of Object.values(entries)) for (const file of files) chunks.add(file);
  }
  return chunks;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function shiftSourceMap(path: string) {
  const map = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof map.mappings === 'string') map.mappings = `;${map.mappings}`;
  for (const section of map.sections ?? []) section.offset.line += 1;
  writeFileSync(path, JSON.stringify(map));
}
