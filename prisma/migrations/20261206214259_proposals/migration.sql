-- CreateEnum
CREATE TYPE "ProposalVerdict" AS ENUM ('ACCEPTED', 'REJECTED');

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "proposedBy" TEXT;

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "comparisonId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "analyser" TEXT NOT NULL,
    "analyserVersion" INTEGER NOT NULL,
    "tagSetKey" TEXT NOT NULL,
    "tagName" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "claimAssertedBy" TEXT,
    "runKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalRun" (
    "revisionId" TEXT NOT NULL,
    "runKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalRun_pkey" PRIMARY KEY ("revisionId","runKey")
);

-- CreateTable
CREATE TABLE "ProposalDecision" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "verdict" "ProposalVerdict" NOT NULL,
    "annotationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkspaceAnalyser" (
    "workspaceId" TEXT NOT NULL,
    "analyser" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkspaceAnalyser_pkey" PRIMARY KEY ("workspaceId","analyser")
);

-- CreateTable
CREATE TABLE "WorkspaceLexicon" (
    "workspaceId" TEXT NOT NULL,
    "lexicon" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkspaceLexicon_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "Proposal_revisionId_start_idx" ON "Proposal"("revisionId", "start");

-- CreateIndex
CREATE INDEX "Proposal_comparisonId_idx" ON "Proposal"("comparisonId");

-- CreateIndex
CREATE INDEX "ProposalDecision_userId_idx" ON "ProposalDecision"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalDecision_proposalId_userId_key" ON "ProposalDecision"("proposalId", "userId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "SourceRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalRun" ADD CONSTRAINT "ProposalRun_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "SourceRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalDecision" ADD CONSTRAINT "ProposalDecision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalDecision" ADD CONSTRAINT "ProposalDecision_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkspaceAnalyser" ADD CONSTRAINT "WorkspaceAnalyser_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkspaceLexicon" ADD CONSTRAINT "WorkspaceLexicon_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkspaceLexicon" ADD CONSTRAINT "WorkspaceLexicon_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
