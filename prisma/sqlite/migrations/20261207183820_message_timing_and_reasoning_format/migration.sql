-- AlterTable
ALTER TABLE "Message" ADD COLUMN "answerTtftMs" REAL;
ALTER TABLE "Message" ADD COLUMN "loadMs" REAL;
ALTER TABLE "Message" ADD COLUMN "reasoningFormat" TEXT;
