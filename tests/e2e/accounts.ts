/**
 * The e2e server's ADMIN_EMAILS (tests/e2e/server.ts). Registering it gives no role: the authorization matrix
 * makes it an admin with `npm run user -- grant-admin`, as an operator would.
 */
export const ADMIN_EMAIL = "security-admin@example.test";

/** Where the e2e server's SMTP server writes the messages it receives, one JSON object per line. */
export const E2E_MAIL_FILE = ".data/e2e-mail.jsonl";
