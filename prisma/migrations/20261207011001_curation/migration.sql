-- CreateEnum
CREATE TYPE "CurationVerdict" AS ENUM ('ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "CuratedAnnotation" (
    "id" TEXT NOT NULL,
    "comparisonId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "verdict" "CurationVerdict" NOT NULL,
    "comment" TEXT,
    "fromAnnotationIds" TEXT[],
    "curatorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CuratedAnnotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CuratedAnnotationTag" (
    "curatedAnnotationId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    CONSTRAINT "CuratedAnnotationTag_pkey" PRIMARY KEY ("curatedAnnotationId","tagId")
);

-- CreateIndex
CREATE INDEX "CuratedAnnotation_comparisonId_idx" ON "CuratedAnnotation"("comparisonId");

-- CreateIndex
CREATE UNIQUE INDEX "CuratedAnnotation_sourceId_start_end_key" ON "CuratedAnnotation"("sourceId", "start", "end");

-- CreateIndex
CREATE INDEX "CuratedAnnotationTag_tagId_idx" ON "CuratedAnnotationTag"("tagId");

-- AddForeignKey
ALTER TABLE "CuratedAnnotation" ADD CONSTRAINT "CuratedAnnotation_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CuratedAnnotation" ADD CONSTRAINT "CuratedAnnotation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CuratedAnnotation" ADD CONSTRAINT "CuratedAnnotation_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "SourceRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CuratedAnnotation" ADD CONSTRAINT "CuratedAnnotation_curatorId_fkey" FOREIGN KEY ("curatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CuratedAnnotationTag" ADD CONSTRAINT "CuratedAnnotationTag_curatedAnnotationId_fkey" FOREIGN KEY ("curatedAnnotationId") REFERENCES "CuratedAnnotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CuratedAnnotationTag" ADD CONSTRAINT "CuratedAnnotationTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
