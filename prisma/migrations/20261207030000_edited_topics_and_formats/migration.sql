-- Topics and interview formats edited in the admin area (issue #24): marked, so the seed keeps the app's version
-- until seed/ says the same, as it does for questions.
ALTER TABLE "Topic" ADD COLUMN "editedAt" TIMESTAMPTZ(3);
ALTER TABLE "CompanyProfile" ADD COLUMN "editedAt" TIMESTAMPTZ(3);
