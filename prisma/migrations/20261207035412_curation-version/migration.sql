-- Optimistic concurrency between two editors curating the same source.
ALTER TABLE "CuratedAnnotation" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
