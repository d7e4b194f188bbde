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
};

export default nextConfig;
