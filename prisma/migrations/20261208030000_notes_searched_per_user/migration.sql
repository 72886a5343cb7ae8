-- Notes are searched among the user's own (their B-tree), never through an index of every user's notes: the GIN
-- index listed every note holding a word, of all users, and the planner intersected it with the user's ten notes,
-- reading thousands of entries for a common word (docs/performance.md, round twenty). Reading a user's notes costs
-- what they hold, whatever others write; notes saves no longer update a GIN index.
DROP INDEX IF EXISTS "Note_search_idx";
