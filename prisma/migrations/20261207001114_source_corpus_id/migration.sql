-- The id an article had in the corpus it was imported from (PTC article<ID>), kept for exporting it back.
ALTER TABLE "Source" ADD COLUMN "corpusId" TEXT;
