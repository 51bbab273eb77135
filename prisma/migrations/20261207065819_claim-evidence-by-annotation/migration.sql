-- CreateIndex
CREATE INDEX "ClaimEvidence_annotationId_idx" ON "ClaimEvidence"("annotationId");
