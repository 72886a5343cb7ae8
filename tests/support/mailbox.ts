// A real SMTP server for tests (the smtp-server package) on 127.0.0.1 and a free port, keeping what it receives.
// The app sends through it exactly as through any mail server (SMTP_URL); tests read the messages back.
import { SMTPServer } from "smtp-server";

export type Mail = { to: string[]; from: string; subject: string; text: string; raw: string };

/** The text of a single-part message, its transfer encoding undone. */
export function parseMail(raw: string, to: string[], from: string): Mail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1]?.trim() ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? Buffer.from(
          body
            .replace(/=\r?\n/g, "")
            .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          "latin1",
        ).toString("utf8")
      : encoding === "base64"
        ? Buffer.from(body, "base64").toString("utf8")
        : body;
  return { to, from, subject: header("Subject"), text: text.replace(/\r\n/g, "\n"), raw };
}

export type Mailbox = {
  url: string;
  /** How long the server takes to accept each message (a slow mail server); 0 by default. */
  delayMs: number;
  port: number;
  messages: Mail[];
  /** The next message to `address` (one already received counts), or a rejection after `timeoutMs`. */
  next(address: string, timeoutMs?: number): Promise<Mail>;
  close(): Promise<void>;
};

export async function startMailbox(options: { port?: number; onMail?: (mail: Mail) => void } = {}): Promise<Mailbox> {
  const messages: Mail[] = [];
  const waiting: { address: string; resolve: (mail: Mail) => void }[] = [];
  const taken = new Set<Mail>();
  const box = { delayMs: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        const mail = parseMail(Buffer.concat(chunks).toString("utf8"), to, from);
        messages.push(mail);
        options.onMail?.(mail);
        for (const waiter of [...waiting]) {
          if (!taken.has(mail) && to.includes(waiter.address)) {
            taken.add(mail);
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve(mail);
          }
        }
        setTimeout(callback, box.delayMs);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  const mailbox: Omit<Mailbox, "delayMs"> = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    next(address, timeoutMs = 10_000) {
      const wanted = address.toLowerCase();
      const already = messages.find((m) => !taken.has(m) && m.to.includes(wanted));
      if (already) {
        taken.add(already);
        return Promise.resolve(already);
      }
      return new Promise<Mail>((resolve, reject) => {
        const waiter = { address: wanted, resolve };
        waiting.push(waiter);
        setTimeout(() => {
          if (!waiting.includes(waiter)) return;
          waiting.splice(waiting.indexOf(waiter), 1);
          reject(new Error(`no email to ${address} within ${timeoutMs} ms`));
        }, timeoutMs).unref();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return Object.assign(box, mailbox);
}

/** The first reset link in a message. */
export function resetLinkIn(mail: Mail): URL {
  const match = /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(mail.text);
  if (!match) throw new Error(`no reset link in: ${mail.text}`);
  return new URL(match[0]);
}
