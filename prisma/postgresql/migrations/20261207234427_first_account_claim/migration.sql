-- CreateTable
CREATE TABLE "FirstAccount" (
    "slot" TEXT NOT NULL DEFAULT 'admin',
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FirstAccount_pkey" PRIMARY KEY ("slot")
);

-- An instance that already has accounts has its admin: the claim goes to the earliest admin
-- (else the earliest account), so no later sign-up becomes admin.
INSERT INTO "FirstAccount" ("slot", "userId", "createdAt")
SELECT 'admin', "id", "createdAt" FROM "User"
WHERE "email" IS NOT NULL
ORDER BY ("role" = 'admin') DESC, "createdAt" ASC
LIMIT 1;
