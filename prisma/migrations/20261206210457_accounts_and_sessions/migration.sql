-- Failed sign-ins and sign-up attempts become per-key counters (RateLimitCounter): the
-- old rows only slowed guessing for 15-60 minutes, so they are dropped.
-- Invitations become links with a token. Invitations from before had no link and were
-- claimed by signing up with the address: the pending ones are withdrawn (an owner invites
-- again to get a link), the accepted ones keep their history.
-- DropIndex
DROP INDEX "Invitation_email_idx";

-- DropIndex
DROP INDEX "Invitation_workspaceId_email_key";

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "acceptedById" TEXT,
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "tokenHash" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- A placeholder no SHA-256 (64 hex digits) can equal, so no link ever matches these rows.
UPDATE "Invitation" SET "tokenHash" = 'none:' || "id", "expiresAt" = "createdAt",
  "withdrawnAt" = CASE WHEN "acceptedAt" IS NULL THEN CURRENT_TIMESTAMP ELSE NULL END;

ALTER TABLE "Invitation" ALTER COLUMN "expiresAt" SET NOT NULL,
ALTER COLUMN "tokenHash" SET NOT NULL;

-- DropTable
DROP TABLE "SignInFailure";

-- DropTable
DROP TABLE "SignUpAttempt";

-- CreateTable
CREATE TABLE "EndedSession" (
    "sid" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EndedSession_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "EndedSession_userId_idx" ON "EndedSession"("userId");

-- CreateIndex
CREATE INDEX "EndedSession_expiresAt_idx" ON "EndedSession"("expiresAt");

-- CreateIndex
CREATE INDEX "RateLimitCounter_windowStart_idx" ON "RateLimitCounter"("windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_workspaceId_email_idx" ON "Invitation"("workspaceId", "email");

-- AddForeignKey
ALTER TABLE "EndedSession" ADD CONSTRAINT "EndedSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
