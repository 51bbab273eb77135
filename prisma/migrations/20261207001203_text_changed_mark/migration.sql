-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "previousQuote" TEXT,
ADD COLUMN     "textChangedAt" TIMESTAMP(3);
