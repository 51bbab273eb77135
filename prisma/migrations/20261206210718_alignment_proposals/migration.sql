-- CreateEnum
CREATE TYPE "AlignmentProposalStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "AlignmentProposal" (
    "id" TEXT NOT NULL,
    "comparisonId" TEXT NOT NULL,
    "status" "AlignmentProposalStatus" NOT NULL DEFAULT 'PROPOSED',
    "position" INTEGER NOT NULL,
    "passages" JSONB NOT NULL,
    "passageCount" INTEGER NOT NULL,
    "links" JSONB NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "key" TEXT NOT NULL,
    "edited" BOOLEAN NOT NULL DEFAULT false,
    "factRowId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlignmentProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlignmentProposal_factRowId_key" ON "AlignmentProposal"("factRowId");

-- CreateIndex
CREATE INDEX "AlignmentProposal_comparisonId_status_position_idx" ON "AlignmentProposal"("comparisonId", "status", "position");

-- CreateIndex
CREATE INDEX "AlignmentProposal_comparisonId_key_idx" ON "AlignmentProposal"("comparisonId", "key");

-- AddForeignKey
ALTER TABLE "AlignmentProposal" ADD CONSTRAINT "AlignmentProposal_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlignmentProposal" ADD CONSTRAINT "AlignmentProposal_factRowId_fkey" FOREIGN KEY ("factRowId") REFERENCES "FactRow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlignmentProposal" ADD CONSTRAINT "AlignmentProposal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
