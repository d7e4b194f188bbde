#!/usr/bin/env node
// Applies pending migrations to the database DATABASE_URL names (`prisma migrate deploy`: never
// creates migrations, never resets). The start script and the tests run it first.

import { prisma } from './prisma-cli.mjs';

prisma(['migrate', 'deploy']);
