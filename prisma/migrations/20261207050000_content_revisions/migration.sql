-- History of topics and interview formats edited in the admin area (issue #24), as questions have theirs.
CREATE TABLE "ContentRevision" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "authorId" UUID,
    "reason" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContentRevision_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ContentRevision_kind_key_number_key" ON "ContentRevision"("kind", "key", "number");
CREATE INDEX "ContentRevision_authorId_idx" ON "ContentRevision"("authorId");

ALTER TABLE "ContentRevision" ADD CONSTRAINT "ContentRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
