-- CreateTable
CREATE TABLE "BattlePoolEntry" (
    "backendId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BattlePoolEntry_pkey" PRIMARY KEY ("backendId","model")
);
