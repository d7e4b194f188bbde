-- AlterTable
ALTER TABLE "Backend" ADD COLUMN     "enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "headers" TEXT,
ADD COLUMN     "removedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "BackendAudit" (
    "id" TEXT NOT NULL,
    "backendId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BackendAudit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BackendAudit_backendId_createdAt_idx" ON "BackendAudit"("backendId", "createdAt");

-- CreateIndex
CREATE INDEX "BackendAudit_createdAt_idx" ON "BackendAudit"("createdAt");

-- AddForeignKey
ALTER TABLE "BackendAudit" ADD CONSTRAINT "BackendAudit_backendId_fkey" FOREIGN KEY ("backendId") REFERENCES "Backend"("id") ON DELETE CASCADE ON UPDATE CASCADE;
