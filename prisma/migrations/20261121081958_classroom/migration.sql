-- CreateEnum
CREATE TYPE "RevealMode" AS ENUM ('AFTER_SUBMIT', 'AT_DUE_DATE', 'MANUAL');

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "assignmentId" TEXT,
ADD COLUMN     "isKey" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionsValidFrom" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "comparisonId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "instructions" TEXT,
    "dueAt" TIMESTAMP(3),
    "revealMode" "RevealMode" NOT NULL DEFAULT 'AFTER_SUBMIT',
    "revealedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssignmentSource" (
    "assignmentId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "AssignmentSource_pkey" PRIMARY KEY ("assignmentId","sourceId")
);

-- CreateTable
CREATE TABLE "AssignmentFactRow" (
    "assignmentId" TEXT NOT NULL,
    "factRowId" TEXT NOT NULL,

    CONSTRAINT "AssignmentFactRow_pkey" PRIMARY KEY ("assignmentId","factRowId")
);

-- CreateTable
CREATE TABLE "AssignmentTag" (
    "assignmentId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    CONSTRAINT "AssignmentTag_pkey" PRIMARY KEY ("assignmentId","tagId")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMP(3),
    "reopenedAt" TIMESTAMP(3),

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Assignment_workspaceId_idx" ON "Assignment"("workspaceId");

-- CreateIndex
CREATE INDEX "Assignment_comparisonId_idx" ON "Assignment"("comparisonId");

-- CreateIndex
CREATE INDEX "AssignmentSource_sourceId_idx" ON "AssignmentSource"("sourceId");

-- CreateIndex
CREATE INDEX "AssignmentFactRow_factRowId_idx" ON "AssignmentFactRow"("factRowId");

-- CreateIndex
CREATE INDEX "AssignmentTag_tagId_idx" ON "AssignmentTag"("tagId");

-- CreateIndex
CREATE INDEX "Submission_studentId_idx" ON "Submission"("studentId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_assignmentId_studentId_key" ON "Submission"("assignmentId", "studentId");

-- CreateIndex
CREATE INDEX "Annotation_assignmentId_idx" ON "Annotation"("assignmentId");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentSource" ADD CONSTRAINT "AssignmentSource_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentSource" ADD CONSTRAINT "AssignmentSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentFactRow" ADD CONSTRAINT "AssignmentFactRow_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentFactRow" ADD CONSTRAINT "AssignmentFactRow_factRowId_fkey" FOREIGN KEY ("factRowId") REFERENCES "FactRow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentTag" ADD CONSTRAINT "AssignmentTag_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentTag" ADD CONSTRAINT "AssignmentTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
