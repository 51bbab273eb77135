-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "copiedFromId" TEXT;

-- AlterTable
ALTER TABLE "Comparison" ADD COLUMN     "copyNote" TEXT;
