/** The e2e server's ADMIN_EMAILS (tests/e2e/server.ts): registering with it gives the ADMIN role. */
export const ADMIN_EMAIL = "security-admin@example.test";
