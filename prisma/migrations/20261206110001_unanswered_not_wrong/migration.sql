-- Unanswered is not wrong (docs/decisions/0013). Earlier versions scored a blank answer in an ended interview
-- 0 and queued it as "scored low". Such answers become unanswered: no score, no coverage, no answeredAt;
-- each ended interview's score becomes the mean over the answers that have one; and a card queued as scored
-- low only because of blank answers says "skipped". Rerunning these statements changes nothing more.
UPDATE "InterviewQuestion" iq
SET score = NULL, coverage = NULL, "answeredAt" = NULL
FROM "Interview" i
WHERE i.id = iq."interviewId" AND i.status <> 'IN_PROGRESS' AND iq.content !~ '\S'
  AND (iq.score IS NOT NULL OR iq.coverage IS NOT NULL OR iq."answeredAt" IS NOT NULL);

UPDATE "Interview" i
SET score = (SELECT avg(iq.score) FROM "InterviewQuestion" iq WHERE iq."interviewId" = i.id AND iq.score IS NOT NULL)
WHERE i.status IN ('FINISHED', 'EXPIRED')
  AND EXISTS (SELECT 1 FROM "InterviewQuestion" iq WHERE iq."interviewId" = i.id AND iq.content !~ '\S');

UPDATE "ReviewCard" rc
SET reason = 'SKIPPED'
WHERE rc.reason = 'LOW_SCORE'
  AND EXISTS (
    SELECT 1 FROM "InterviewQuestion" iq JOIN "Interview" i ON i.id = iq."interviewId"
    WHERE i."userId" = rc."userId" AND iq."questionId" = rc."questionId" AND i.status IN ('FINISHED', 'EXPIRED') AND iq.content !~ '\S')
  AND NOT EXISTS (
    SELECT 1 FROM "InterviewQuestion" iq JOIN "Interview" i ON i.id = iq."interviewId"
    WHERE i."userId" = rc."userId" AND iq."questionId" = rc."questionId" AND i.status IN ('FINISHED', 'EXPIRED') AND iq.score < 0.5);
