import 'server-only';
import { type StartSuiteRunInput, startSuiteRunSchema } from '@/lib/api/suite-inputs';
import { usableBackend } from '@/lib/catalog/backend-source';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { getSuite } from '../manage';
import { driveRun } from './driver';

/**
 * Starts a run of a suite over a lineup: one item per prompt and repeat (repeat-major, so a
 * stopped run has every prompt of its first repeats), driven in the background by this process.
 */
export async function startSuiteRun({
  suiteId,
  ownerId,
  voterId,
  input,
}: {
  suiteId: string;
  ownerId: string;
  voterId: string;
  input: StartSuiteRunInput;
}): Promise<{ id: string }> {
  const run = startSuiteRunSchema.parse(input);
  const suite = await getSuite({ id: suiteId, ownerId });
  const backendIds = [...new Set(run.lineup.map((slot) => slot.backendId))];
  const known = await db.backend.count({ where: { id: { in: backendIds }, ...usableBackend } });
  if (known !== backendIds.length)
    throw new AppError('bad_request', 'Unknown backend in the lineup.');
  const id = newId();
  const now = new Date();
  await db.$transaction([
    db.suiteRun.create({
      data: {
        id,
        suiteId,
        ownerId,
        voterId,
        snapshot: JSON.stringify({
          name: suite.name,
          prompts: suite.prompts,
          settings: suite.settings,
        }),
        lineup: JSON.stringify(run.lineup),
        repeats: run.repeats,
        mode: run.mode,
        runMode: run.runMode,
        status: 'running',
        resumedAt: now,
      },
    }),
    db.suiteRunItem.createMany({
      data: Array.from({ length: run.repeats }, (_, repeat) =>
        suite.prompts.map((_prompt, promptIndex) => ({
          id: newId(),
          runId: id,
          promptIndex,
          repeat,
        })),
      ).flat(),
    }),
  ]);
  driveRun(id);
  return { id };
}
