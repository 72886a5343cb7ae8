import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { SESSION_MAX_AGE_SECONDS, startSession } from "../data/sessions";
import { signInSucceeded } from "../data/sign-in-limits";
import { authenticate, userForExternalAccount } from "../data/users";
import { env, requireAuthSecret } from "../env";
import { logger } from "../logger";
import { gitHubEmail, providerVerifiedEmail } from "./oauth-providers";
import { safeRedirectUrl } from "../http/redirects";
import { credentialsSchema } from "../schemas/auth";

function headerOf(headers: unknown, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? value[0] : value;
}

function providers(): NextAuthOptions["providers"] {
  const e = env();
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        // The attempt was counted before next-auth ran (app/api/auth/[...nextauth]/route.ts); it stays counted as a
        // failure unless the password is right.
        const parsed = credentialsSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const user = await authenticate(email, password);
        if (user) {
          await signInSucceeded(email, headerOf(req?.headers, "x-mockroom-client-ip") ?? "unknown");
          return { id: user.id, email: user.email, name: user.name };
        }
        logger.info("sign-in failed", { requestId: headerOf(req?.headers, "x-request-id") });
        return null;
      },
    }),
  ];
  if (e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET) {
    list.push(
      GitHubProvider({
        clientId: e.GITHUB_CLIENT_ID,
        clientSecret: e.GITHUB_CLIENT_SECRET,
        // next-auth's own request takes the email without asking GitHub whether it was verified.
        userinfo: {
          url: "https://api.github.com/user",
          async request({ client, tokens }) {
            const profile = await client.userinfo(tokens.access_token!);
            const response = await fetch("https://api.github.com/user/emails", {
              headers: {
                authorization: `token ${tokens.access_token}`,
                accept: "application/vnd.github+json",
                "user-agent": "Mockroom",
              },
            }).catch(() => null);
            const emails: unknown = response?.ok ? await response.json().catch(() => null) : null;
            const { email, email_verified } = gitHubEmail(
              typeof profile.email === "string" ? profile.email : null,
              emails,
            );
            return { ...profile, email: email ?? undefined, email_verified };
          },
        },
      }),
    );
  }
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) {
    list.push(GoogleProvider({ clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET }));
  }
  return list;
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: requireAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(),
    logger: {
      error: (code) => logger.error("next-auth error", { code }),
      warn: (code) => logger.warn("next-auth warning", { code }),
      debug: () => undefined,
    },
    callbacks: {
      // Every post-sign-in and post-sign-out destination goes through the one vetted function.
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        if (!user.email) return "/sign-in?error=EmailRequired";
        const linked = await userForExternalAccount({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user.email,
          name: user.name ?? null,
          emailVerified: providerVerifiedEmail(account.provider, profile),
        });
        if (!linked) return "/sign-in?error=OAuthAccountNotLinked";
        user.id = linked.id;
        return true;
      },
      async jwt({ token, user }) {
        // On sign-in `user` is ours (credentials) or was rewritten to ours in signIn (OAuth). The token names
        // the session it opens (lib/data/sessions.ts); afterwards next-auth only re-encrypts the same claims.
        if (user) {
          token.sub = user.id;
          token.sid = await startSession(user.id);
          token.signedInAt = Math.floor(Date.now() / 1000);
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        if (typeof token.signedInAt === "number") session.signedInAt = token.signedInAt;
        return session;
      },
    },
  };
  return cached;
}
