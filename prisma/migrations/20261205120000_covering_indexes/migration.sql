-- Starting an interview read ~700 table rows for its candidates and a row per question of the user's
-- history; at 100,000 questions and a million answers those reads were most of PostgreSQL's time per start
-- (docs/performance.md, round seven). These indexes hold every column the two statements read, so
-- PostgreSQL answers both from the index alone. The candidates index replaces the one it extends.
DROP INDEX "Question_topicId_kind_difficulty_sampleKey_idx";

CREATE INDEX "Question_topicId_kind_difficulty_sampleKey_archivedAt_id_idx" ON "Question"("topicId", "kind", "difficulty", "sampleKey", "archivedAt", "id");

CREATE INDEX "InterviewQuestion_interviewId_questionId_score_idx" ON "InterviewQuestion"("interviewId", "questionId", "score");
