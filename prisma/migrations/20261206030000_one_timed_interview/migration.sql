-- At most one timed (strict or extended) interview in progress per user, whatever its company: two clocks
-- could run at once before. The per-profile rule (Interview_one_in_progress_key) stays for practice mode.
-- A user who has several running already keeps the one started last; the others are abandoned now.
UPDATE "Interview" AS i
SET "status" = 'ABANDONED', "endedAt" = now(), "updatedAt" = now()
WHERE i."status" = 'IN_PROGRESS' AND i."mode" IN ('STRICT', 'EXTENDED')
  AND EXISTS (
    SELECT 1 FROM "Interview" AS later
    WHERE later."userId" = i."userId" AND later."status" = 'IN_PROGRESS' AND later."mode" IN ('STRICT', 'EXTENDED')
      AND (later."startedAt", later."id") > (i."startedAt", i."id")
  );

CREATE UNIQUE INDEX "Interview_one_timed_in_progress_key" ON "Interview"("userId") WHERE "status" = 'IN_PROGRESS' AND "mode" IN ('STRICT', 'EXTENDED');
