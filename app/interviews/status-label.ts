// Shared by the filter (its options, in this order) and the table (each row's status).
export const statusLabel = {
  in_progress: "In progress",
  finished: "Finished",
  expired: "Time ran out",
  abandoned: "Abandoned",
} as const;
