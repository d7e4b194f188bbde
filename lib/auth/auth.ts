import 'server-only';
import { APIError, betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { createAuthMiddleware, isAPIError } from 'better-auth/api';
import { admin } from 'better-auth/plugins';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { isSqlite } from '@/lib/db/database-url';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';
import { clearSignInAttempts, countSignInAttempt } from './account-limit';
import { claimFirstAccount } from './first-account';
import { rateLimiter } from './rate-limit';
import { authSecret } from './secret';

const MINUTE_S = 60;

/**
 * Accounts, passwords and sessions: better-auth on the app's Prisma client. Passwords are hashed
 * with scrypt (its default); sessions live in the database, their token in an HttpOnly,
 * SameSite=Lax cookie (Secure behind TLS, VERSUS_SECURE_COOKIES=1), a new one at every sign-in.
 * The gate has already refused foreign hosts and cross-site writes; better-auth checks the
 * origin again against the host the gate accepted.
 */
export const auth = betterAuth({
  appName: 'Versus',
  basePath: '/api/auth',
  // Whatever host the gate let through (lib/http/allowed-hosts.ts checked it).
  baseURL: {
    allowedHosts: ['*'],
    protocol: config.secureCookies ? 'https' : 'http',
    fallback: `http://127.0.0.1:${config.port}`,
  },
  secret: authSecret(),
  database: prismaAdapter(db, { provider: isSqlite() ? 'sqlite' : 'postgresql' }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: 10,
    maxPasswordLength: 256,
    // A new account waits for approval: it is signed in only once it may be.
    autoSignIn: false,
  },
  // Sign-up goes through lib/auth/sign-up.ts, which answers the same whether or not the address
  // is taken (no enumeration) and knows invites and the first account.
  disabledPaths: ['/sign-up/email'],
  session: { expiresIn: 30 * 24 * 60 * MINUTE_S, updateAge: 24 * 60 * MINUTE_S },
  user: {
    additionalFields: {
      approved: { type: 'boolean', defaultValue: false, input: false },
    },
  },
  rateLimit: {
    enabled: true,
    // Per address and path, in the database: every instance counts together (rate-limit.ts).
    customStorage: { consume: (key, rule) => rateLimiter.consume(key, rule) },
    window: MINUTE_S,
    max: 120,
    customRules: {
      '/sign-in/email': { window: MINUTE_S, max: 10 },
      '/change-password': { window: MINUTE_S, max: 5 },
    },
  },
  advanced: {
    cookiePrefix: 'versus',
    useSecureCookies: config.secureCookies,
    // The gate writes the peer's address here, over anything the client sent.
    ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
  },
  trustedOrigins: (request) => {
    const host = request?.headers.get('host');
    if (!host) return [];
    return [`http://${host}`, `https://${host}`];
  },
  telemetry: { enabled: false },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      const email = signInEmailOf(ctx.path, ctx.body);
      if (email && !(await countSignInAttempt(email)).allowed) {
        throw new APIError('TOO_MANY_REQUESTS', {
          message: 'Too many failed sign-ins for this account: try again in 15 minutes.',
        });
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      const email = signInEmailOf(ctx.path, ctx.body);
      if (!email) return;
      // Only a sign-in clears the count: were any refusal to clear it, a malformed request
      // between guesses would reset it.
      if (!isAPIError(ctx.context.returned)) await clearSignInAttempts(email);
    }),
  },
  plugins: [admin({ defaultRole: 'user', adminRoles: ['admin'] })],
  databaseHooks: {
    user: {
      create: {
        // The first account on a fresh instance is the admin, approved; it takes over what the
        // local user of single-user mode left. Decided after the row exists, by one insert
        // that only one account can win (lib/auth/first-account.ts).
        after: async (user) => {
          await claimFirstAccount(user.id);
        },
      },
    },
    session: {
      create: {
        before: async (session) => {
          const user = await db.user.findUnique({
            where: { id: session.userId },
            select: { approved: true, banned: true },
          });
          if (!user?.approved) {
            throw new APIError('FORBIDDEN', {
              message: 'Your account waits for an admin’s approval.',
            });
          }
          return { data: session };
        },
      },
    },
  },
});

/** The address a password sign-in is for; undefined for any other endpoint. */
function signInEmailOf(path: string, body: unknown): string | undefined {
  if (path !== '/sign-in/email' || typeof body !== 'object' || body === null) return undefined;
  const { email } = body as { email?: unknown };
  return typeof email === 'string' ? email : undefined;
}
