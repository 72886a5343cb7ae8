/**
 * The e2e server's ADMIN_EMAILS (tests/e2e/server.ts). Registering it gives no role: the authorization matrix
 * makes it an admin with `npm run user -- grant-admin`, as an operator would.
 */
export const ADMIN_EMAIL = "security-admin@example.test";

/**
 * The suite runs in lanes, one Playwright worker each, side by side: each lane has a server of its own (its own
 * database, SMTP mailbox and fake AI endpoint, all started by tests/e2e/server.ts), so no test sees another lane's
 * accounts, rate limits or content. On two cores one lane leaves a third of the CPU idle while a test waits on the
 * page (docs/performance.md, round twenty-two).
 */
export const E2E_LANES = Math.max(1, Math.trunc(Number(process.env.E2E_LANES)) || 2);
/** The first lane's port; lane n listens on E2E_PORT + n. */
export const E2E_BASE_PORT = Number(process.env.E2E_PORT ?? 3100);

/** This process's lane: its Playwright worker's parallel index (0 in a process that is not a worker). */
export const E2E_LANE = Number(process.env.TEST_PARALLEL_INDEX ?? 0) % E2E_LANES;

export const laneBaseUrl = (lane = E2E_LANE) => `http://127.0.0.1:${E2E_BASE_PORT + lane}`;

/** Where a lane's SMTP server writes the messages it receives, one JSON object per line. */
export const laneMailFile = (lane = E2E_LANE) => `.data/e2e-${lane}-mail.jsonl`;
/** Where a lane's fake transcription endpoint (tests/support/fake-openai.ts) writes each request it gets. */
export const laneAiFile = (lane = E2E_LANE) => `.data/e2e-${lane}-ai-requests.jsonl`;
/** Where the e2e server writes a lane's fake endpoint's base URL (tests queue its next replies there). */
export const laneAiUrlFile = (lane = E2E_LANE) => `.data/e2e-${lane}-ai-url`;
/** Where the e2e server writes a lane's database URL (tests move an interview's clock there). */
export const laneDatabaseFile = (lane = E2E_LANE) => `.data/e2e-${lane}-database-url`;

/** This worker's lane's files. */
export const E2E_MAIL_FILE = laneMailFile();
export const E2E_AI_FILE = laneAiFile();
export const E2E_AI_URL_FILE = laneAiUrlFile();
export const E2E_DATABASE_FILE = laneDatabaseFile();
/** What that endpoint "hears" in every recording, and the model the server is configured with. */
export const E2E_TRANSCRIPT =
  "Select related joins the foreign key in one query and prefetch related runs a second query.";
export const E2E_TRANSCRIBE_MODEL = "whisper-e2e";
/** The chat model the e2e server's AI feedback is configured with (the same fake server answers). */
export const E2E_AI_MODEL = "interviewer-e2e";
