-- No query needs an index that starts with the status: every one that filters on it also names the interview
-- or the user, and the user's running interviews have the partial unique index. But the planner could pick it:
-- its statistics rarely hold IN_PROGRESS (most interviews have ended by the time ANALYZE samples), so it
-- estimated one running interview and read them all. On the benchmark data, once starts had left ~2,900
-- interviews running, every autosave read 2,650 index and heap pages instead of 15 (docs/performance.md,
-- round nine).
DROP INDEX "Interview_status_deadlineAt_idx";
