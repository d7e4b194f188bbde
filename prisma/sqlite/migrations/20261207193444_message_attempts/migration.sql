-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "turnId" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "content" TEXT NOT NULL DEFAULT '',
    "reasoning" TEXT NOT NULL DEFAULT '',
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "finishReason" TEXT,
    "params" TEXT NOT NULL DEFAULT '{}',
    "modelInfo" TEXT NOT NULL DEFAULT '{}',
    "ttftMs" REAL,
    "answerTtftMs" REAL,
    "reasoningMs" REAL,
    "totalMs" REAL,
    "loadMs" REAL,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "tokensPerSecond" REAL,
    "countsReported" BOOLEAN NOT NULL DEFAULT false,
    "reasoningFormat" TEXT,
    "shown" BOOLEAN NOT NULL DEFAULT true,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "heartbeatAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Message_turnId_fkey" FOREIGN KEY ("turnId") REFERENCES "Turn" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "Slot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Message" ("answerTtftMs", "attempt", "completionTokens", "content", "countsReported", "createdAt", "errorCode", "errorMessage", "finishReason", "finishedAt", "heartbeatAt", "id", "loadMs", "modelInfo", "params", "promptTokens", "reasoning", "reasoningFormat", "reasoningMs", "slotId", "startedAt", "status", "tokensPerSecond", "totalMs", "ttftMs", "turnId", "updatedAt") SELECT "answerTtftMs", "attempt", "completionTokens", "content", "countsReported", "createdAt", "errorCode", "errorMessage", "finishReason", "finishedAt", "heartbeatAt", "id", "loadMs", "modelInfo", "params", "promptTokens", "reasoning", "reasoningFormat", "reasoningMs", "slotId", "startedAt", "status", "tokensPerSecond", "totalMs", "ttftMs", "turnId", "updatedAt" FROM "Message";
DROP TABLE "Message";
ALTER TABLE "new_Message" RENAME TO "Message";
CREATE INDEX "Message_status_idx" ON "Message"("status");
CREATE UNIQUE INDEX "Message_turnId_slotId_attempt_key" ON "Message"("turnId", "slotId", "attempt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
