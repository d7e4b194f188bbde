-- CreateTable
CREATE TABLE "Suite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prompts" TEXT NOT NULL,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Suite_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuiteRun" (
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
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "activeMs" REAL NOT NULL DEFAULT 0,
    "resumedAt" DATETIME,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SuiteRun_suiteId_fkey" FOREIGN KEY ("suiteId") REFERENCES "Suite" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SuiteRun_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuiteRunItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "promptIndex" INTEGER NOT NULL,
    "repeat" INTEGER NOT NULL,
    "conversationId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SuiteRunItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SuiteRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuiteRunItem_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuiteResult" (
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "person" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("itemId", "position"),
    CONSTRAINT "SuiteResult_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "SuiteRunItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Suite_ownerId_updatedAt_idx" ON "Suite"("ownerId", "updatedAt");

-- CreateIndex
CREATE INDEX "SuiteRun_ownerId_createdAt_idx" ON "SuiteRun"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "SuiteRun_status_idx" ON "SuiteRun"("status");

-- CreateIndex
CREATE UNIQUE INDEX "SuiteRunItem_conversationId_key" ON "SuiteRunItem"("conversationId");

-- CreateIndex
CREATE UNIQUE INDEX "SuiteRunItem_runId_promptIndex_repeat_key" ON "SuiteRunItem"("runId", "promptIndex", "repeat");
