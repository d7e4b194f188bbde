import type { NextConfig } from 'next';

const dev = process.env.NODE_ENV !== 'production';

/**
 * The app's own pages. Scripts: 'self' plus 'unsafe-inline', because Next.js bootstraps each
 * page with inline scripts; nonces would do instead, but they force every page to render per
 * request with no static or cached HTML, for little gain here: model output never reaches the
 * DOM as HTML (react-markdown drops raw HTML), so there is no injected markup for a nonce to
 * stop. An HTML preview's srcdoc inherits this policy and adds its own, stricter one.
 * Dev mode adds what React's dev build and hot reloading need.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
  "media-src 'self' data: blob:",
  "frame-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  {
    key: 'Permissions-Policy',
    value:
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), ' +
      'hid=(), midi=(), display-capture=(), browsing-topics=()',
  },
];

const nextConfig: NextConfig = {
  // Generation runs in this process; keep native and server-only packages out of the bundle.
  serverExternalPackages: [
    'better-sqlite3',
    '@prisma/adapter-better-sqlite3',
    '@prisma/adapter-pg',
    'pg',
  ],
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
