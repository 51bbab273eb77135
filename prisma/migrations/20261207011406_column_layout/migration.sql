-- CreateTable
CREATE TABLE "ColumnLayout" (
    "userId" TEXT NOT NULL,
    "comparisonId" TEXT NOT NULL,
    "order" TEXT[],
    "hidden" TEXT[],
    "collapsed" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ColumnLayout_pkey" PRIMARY KEY ("userId","comparisonId")
);

-- CreateIndex
CREATE INDEX "ColumnLayout_comparisonId_idx" ON "ColumnLayout"("comparisonId");

-- AddForeignKey
ALTER TABLE "ColumnLayout" ADD CONSTRAINT "ColumnLayout_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ColumnLayout" ADD CONSTRAINT "ColumnLayout_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;
