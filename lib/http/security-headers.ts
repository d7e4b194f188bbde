/** Headers every answer carries: the gate sets them, for both routers. */

const dev = process.env.NODE_ENV !== 'production';

/**
 * The app's own pages. Scripts: 'self' plus 'unsafe-inline', because Next.js bootstraps each
 * page with inline scripts; nonces would do instead, but they force every page to render per
 * request with no static or cached HTML, for little gain here: model output never reaches the
 * DOM as HTML (react-markdown drops raw HTML), so there is no injected markup for a nonce to
 * stop. An HTML preview's srcdoc inherits this policy and adds its own, stricter one; frame-src
 * also bounds where a preview may navigate itself. Dev mode adds what React's dev build and hot
 * reloading need.
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

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), ' +
    'hid=(), midi=(), display-capture=(), browsing-topics=()',
};
