-- Content packs (issue #24): one row per installed pack, with its validated file (to enable it again).
CREATE TABLE "ContentPack" (
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "installedById" UUID,
    "installedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "disabledAt" TIMESTAMPTZ(3),
    CONSTRAINT "ContentPack_pkey" PRIMARY KEY ("name")
);

CREATE UNIQUE INDEX "ContentPack_source_key" ON "ContentPack"("source");
CREATE INDEX "ContentPack_installedById_idx" ON "ContentPack"("installedById");

ALTER TABLE "ContentPack" ADD CONSTRAINT "ContentPack_installedById_fkey" FOREIGN KEY ("installedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
