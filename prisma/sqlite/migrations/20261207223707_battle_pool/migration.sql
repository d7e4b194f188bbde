-- CreateTable
CREATE TABLE "BattlePoolEntry" (
    "backendId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("backendId", "model")
);
