// Stand-in for the `server-only` package under Vitest, which does not run with React's server condition.
export {};
