-- CreateTable
CREATE TABLE "AgreementSourcePart" (
    "comparisonId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "marker" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "AgreementSourcePart_pkey" PRIMARY KEY ("comparisonId","sourceId")
);

-- CreateIndex
CREATE INDEX "AgreementSourcePart_sourceId_idx" ON "AgreementSourcePart"("sourceId");

-- AddForeignKey
ALTER TABLE "AgreementSourcePart" ADD CONSTRAINT "AgreementSourcePart_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSourcePart" ADD CONSTRAINT "AgreementSourcePart_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
