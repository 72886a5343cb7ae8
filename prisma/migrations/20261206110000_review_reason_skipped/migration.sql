-- A question left blank in a mock interview joins the revision queue as "skipped", not "scored low". Its own
-- migration: PostgreSQL cannot use an enum value in the transaction that adds it, and the next migration does.
ALTER TYPE "ReviewReason" ADD VALUE 'SKIPPED';
