-- CreateTable
CREATE TABLE "SourceProgress" (
    "sourceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceProgress_pkey" PRIMARY KEY ("sourceId","userId")
);

-- CreateIndex
CREATE INDEX "SourceProgress_userId_idx" ON "SourceProgress"("userId");

-- AddForeignKey
ALTER TABLE "SourceProgress" ADD CONSTRAINT "SourceProgress_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceProgress" ADD CONSTRAINT "SourceProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
