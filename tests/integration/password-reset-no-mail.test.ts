// A server without SMTP_URL: nothing is emailed; an administrator prints a reset link on the server
// (`npm run user -- reset-link EMAIL`), and that link works like an emailed one.
import { describe, expect, it } from "vitest";
import * as forgot from "@/app/api/auth/forgot-password/route";
import * as reset from "@/app/api/auth/reset-password/route";
import * as notes from "@/app/api/notes/route";
import { runUserCommand } from "@/lib/accounts/user-command";
import { authenticate } from "@/lib/data/users";
import { db } from "@/lib/db/client";
import { mailConfigured } from "@/lib/accounts/mail";
import { sessionCookieFor, userFactory } from "../factories";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const post = (handler: unknown, body: unknown) =>
  (handler as Handler)(
    new Request("http://localhost/api/auth/x", {
      method: "POST",
      headers: { "content-type": "application/json", "x-mockroom-client-ip": "10.7.0.1" },
      body: JSON.stringify(body),
    }),
    {
      params: Promise.resolve({}),
    },
  );

describe("password reset without email", () => {
  it("answers 404 with a message, and sends nothing", async () => {
    expect(mailConfigured()).toBe(false);
    const response = await post(forgot.POST, { email: "someone@example.test" });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      "Ask its administrator for a reset link",
    );
  });

  it("lets an administrator print a link that sets the password once and ends every session", async () => {
    const user = await userFactory();
    const { cookie } = await sessionCookieFor(user.id);
    const lines: string[] = [];
    expect(
      await runUserCommand(["reset-link", user.email], {
        appUrl: "http://localhost:3000",
        log: (line) => lines.push(line),
        withDatabase: (run) => run(db()),
      }),
    ).toBe(0);
    const token = new URL(lines.at(-1)!).searchParams.get("token")!;
    expect((await post(reset.POST, { token, password: "chosen by its owner" })).status).toBe(200);
    expect((await post(reset.POST, { token, password: "chosen by someone else" })).status).toBe(400);
    expect((await authenticate(user.email, "chosen by its owner"))?.id).toBe(user.id);
    const signedIn = await (notes.GET as Handler)(new Request("http://localhost/api/notes", { headers: { cookie } }), {
      params: Promise.resolve({}),
    });
    expect(signedIn.status).toBe(401);
  });
});
