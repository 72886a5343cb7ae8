/**
 * The e2e server's ADMIN_EMAILS (tests/e2e/server.ts). Registering it gives no role: the authorization matrix
 * makes it an admin with `npm run user -- grant-admin`, as an operator would.
 */
export const ADMIN_EMAIL = "security-admin@example.test";

/** Where the e2e server's SMTP server writes the messages it receives, one JSON object per line. */
export const E2E_MAIL_FILE = ".data/e2e-mail.jsonl";

/** Where the e2e server's fake transcription endpoint (tests/support/fake-openai.ts) writes each request it gets. */
export const E2E_AI_FILE = ".data/e2e-ai-requests.jsonl";
/** Where the e2e server writes the fake endpoint's base URL (tests queue its next replies there). */
export const E2E_AI_URL_FILE = ".data/e2e-ai-url";
/** What that endpoint "hears" in every recording, and the model the server is configured with. */
export const E2E_TRANSCRIPT =
  "Select related joins the foreign key in one query and prefetch related runs a second query.";
export const E2E_TRANSCRIBE_MODEL = "whisper-e2e";
/** The chat model the e2e server's AI feedback is configured with (the same fake server answers). */
export const E2E_AI_MODEL = "interviewer-e2e";
