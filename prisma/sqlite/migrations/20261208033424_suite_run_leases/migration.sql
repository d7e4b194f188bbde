-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SuiteRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "suiteId" TEXT,
    "ownerId" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "lineup" TEXT NOT NULL,
    "repeats" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "runMode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "voterId" TEXT NOT NULL,
    "activeMs" REAL NOT NULL DEFAULT 0,
    "resumedAt" DATETIME,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SuiteRun_suiteId_fkey" FOREIGN KEY ("suiteId") REFERENCES "Suite" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SuiteRun_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SuiteRun" ("activeMs", "createdAt", "finishedAt", "id", "lineup", "mode", "ownerId", "repeats", "resumedAt", "runMode", "snapshot", "status", "suiteId", "updatedAt", "voterId") SELECT "activeMs", "createdAt", "finishedAt", "id", "lineup", "mode", "ownerId", "repeats", "resumedAt", "runMode", "snapshot", "status", "suiteId", "updatedAt", "voterId" FROM "SuiteRun";
DROP TABLE "SuiteRun";
ALTER TABLE "new_SuiteRun" RENAME TO "SuiteRun";
CREATE INDEX "SuiteRun_ownerId_createdAt_idx" ON "SuiteRun"("ownerId", "createdAt");
CREATE INDEX "SuiteRun_status_idx" ON "SuiteRun"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
