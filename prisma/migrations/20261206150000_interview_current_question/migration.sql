-- The question the user has open in an interview room, so a reload or another device opens on it (issue #22).
ALTER TABLE "Interview" ADD COLUMN "currentQuestionId" UUID;
