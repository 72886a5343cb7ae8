import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

// Outgoing email (password reset links) through the SMTP server in SMTP_URL, from MAIL_FROM. Without them
// Mockroom sends nothing: an administrator prints reset links with `npm run user -- reset-link EMAIL`.

let transport: Transporter | undefined;

export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL && env().MAIL_FROM);
}

/** Sends a plain-text message; throws when SMTP is not configured or the server refuses it. */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL || !MAIL_FROM) throw new Error("SMTP_URL and MAIL_FROM are not set");
  // Bounded waits: a stalled mail server must not hold sockets (and the link inside) for long.
  transport ??= nodemailer.createTransport({
    url: SMTP_URL,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  await transport.sendMail({ from: MAIL_FROM, ...message });
}
