-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "answerTtftMs" DOUBLE PRECISION,
ADD COLUMN     "loadMs" DOUBLE PRECISION,
ADD COLUMN     "reasoningFormat" TEXT;
