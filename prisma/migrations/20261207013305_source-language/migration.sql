-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "language" TEXT;
