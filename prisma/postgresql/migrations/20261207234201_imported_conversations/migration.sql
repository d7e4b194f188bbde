-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "importedAt" TIMESTAMP(3);
