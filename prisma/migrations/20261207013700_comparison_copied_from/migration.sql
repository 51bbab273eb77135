-- AlterTable
ALTER TABLE "Comparison" ADD COLUMN     "copiedFrom" TEXT;
