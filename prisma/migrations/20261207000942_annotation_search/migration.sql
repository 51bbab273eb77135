-- Full-text search over annotations: the span's text (weight A) and the comment (weight B),
-- English stemming. A generated column keeps it in step with every write, and GIN indexes it.
-- (No semicolon may appear in these comments: the Postgres adapter splits the script on them.)
ALTER TABLE "Annotation" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce("exact", '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce("comment", '')), 'B')
) STORED;

-- CreateIndex
CREATE INDEX "Annotation_search_idx" ON "Annotation" USING GIN ("search");
