-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "importedAt" DATETIME;
