-- DropIndex
DROP INDEX "Message_turnId_slotId_key";

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "shown" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE UNIQUE INDEX "Message_turnId_slotId_attempt_key" ON "Message"("turnId", "slotId", "attempt");
