-- CreateTable
CREATE TABLE "AgreementVisit" (
    "userId" TEXT NOT NULL,
    "comparisonId" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,
    "previous" JSONB,
    "previousAt" TIMESTAMP(3),

    CONSTRAINT "AgreementVisit_pkey" PRIMARY KEY ("userId","comparisonId")
);

-- CreateIndex
CREATE INDEX "AgreementVisit_comparisonId_idx" ON "AgreementVisit"("comparisonId");

-- AddForeignKey
ALTER TABLE "AgreementVisit" ADD CONSTRAINT "AgreementVisit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementVisit" ADD CONSTRAINT "AgreementVisit_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;
