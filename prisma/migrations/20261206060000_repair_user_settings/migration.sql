-- Settings that earlier imports and forms let through, which later broke the owner's own pages: a time zone
-- PostgreSQL does not know (the dashboard and the revision queue compute "today" with AT TIME ZONE) and a
-- time multiplier other than 1, 1.5 or 2 (extended interviews' deadlines). Both go back to their defaults;
-- imports and settings now refuse such values (lib/schemas/fields.ts).
UPDATE "User" SET "timeZone" = 'UTC'
WHERE "timeZone" NOT IN (SELECT name FROM pg_timezone_names);

UPDATE "User" SET "timeMultiplier" = 1
WHERE "timeMultiplier" NOT IN (1, 1.5, 2);
