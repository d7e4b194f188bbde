-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "revealedAt" TIMESTAMP(3),
ADD COLUMN     "voterId" TEXT;

-- CreateTable
CREATE TABLE "Vote" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "voterId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "blind" BOOLEAN NOT NULL,
    "outcome" TEXT NOT NULL,
    "models" TEXT NOT NULL,
    "style" TEXT NOT NULL,
    "turns" INTEGER NOT NULL,
    "leaked" BOOLEAN NOT NULL DEFAULT false,
    "leakReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Vote_blind_leaked_idx" ON "Vote"("blind", "leaked");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_conversationId_voterId_scope_key" ON "Vote"("conversationId", "voterId", "scope");

-- CreateIndex
CREATE INDEX "Conversation_mode_revealedAt_idx" ON "Conversation"("mode", "revealedAt");

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
