-- CreateTable
CREATE TABLE "BackendAudit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "backendId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BackendAudit_backendId_fkey" FOREIGN KEY ("backendId") REFERENCES "Backend" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Backend" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "apiKey" TEXT,
    "headers" TEXT,
    "source" TEXT NOT NULL DEFAULT 'env',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "removedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Backend" ("apiKey", "baseUrl", "createdAt", "id", "kind", "label", "source", "updatedAt") SELECT "apiKey", "baseUrl", "createdAt", "id", "kind", "label", "source", "updatedAt" FROM "Backend";
DROP TABLE "Backend";
ALTER TABLE "new_Backend" RENAME TO "Backend";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "BackendAudit_backendId_createdAt_idx" ON "BackendAudit"("backendId", "createdAt");

-- CreateIndex
CREATE INDEX "BackendAudit_createdAt_idx" ON "BackendAudit"("createdAt");
