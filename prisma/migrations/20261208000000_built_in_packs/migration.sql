-- Built-in content packs (issue #24): seed/packs.json groups the built-in topics into packs the seed records here.
-- A built-in pack has no file or source of its own (its content is seed/): its questions' slugs instead.
ALTER TABLE "ContentPack" ADD COLUMN "builtIn" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "slugs" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "archivedSlugs" TEXT[] DEFAULT ARRAY[]::TEXT[],
ALTER COLUMN "source" DROP NOT NULL,
ALTER COLUMN "content" DROP NOT NULL;

ALTER TABLE "ContentPack" ADD CONSTRAINT "ContentPack_kind_check" CHECK (
  ("builtIn" AND "source" IS NULL AND "content" IS NULL)
  OR (NOT "builtIn" AND "source" IS NOT NULL AND "content" IS NOT NULL)
);
