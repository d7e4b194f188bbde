-- CreateTable
CREATE TABLE "FirstAccount" (
    "slot" TEXT NOT NULL PRIMARY KEY DEFAULT 'admin',
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- An instance that already has accounts has its admin: the claim goes to the earliest admin
-- (else the earliest account), so no later sign-up becomes admin.
INSERT INTO "FirstAccount" ("slot", "userId", "createdAt")
SELECT 'admin', "id", "createdAt" FROM "User"
WHERE "email" IS NOT NULL
ORDER BY ("role" = 'admin') DESC, "createdAt" ASC
LIMIT 1;
