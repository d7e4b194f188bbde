-- AlterTable
ALTER TABLE "SuiteRun" DROP COLUMN "leaseOwner",
DROP COLUMN "leaseUntil";
