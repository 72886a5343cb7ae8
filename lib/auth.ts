import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { clearHits, recordHit } from "./data/rate-limits";
import { authenticate, userForExternalAccount } from "./data/users";
import { env, requireAuthSecret } from "./env";
import { logger } from "./logger";
import { keys, rules } from "./rate-limit-rules";
import { safeRedirectUrl } from "./redirects";
import { credentialsSchema } from "./schemas/auth";

const THIRTY_DAYS = 30 * 24 * 60 * 60;

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
        const parsed = credentialsSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const user = await authenticate(email, password);
        if (user) {
          await clearHits(keys.signInEmail(email));
          return { id: user.id, email: user.email, name: user.name };
        }
        // The limit itself is enforced before next-auth runs (app/api/auth/[...nextauth]/route.ts).
        const ip = headerOf(req?.headers, "x-mockroom-client-ip") ?? "unknown";
        await Promise.all([recordHit(keys.signInEmail(email), rules.signInEmail), recordHit(keys.signInIp(ip), rules.signInIp)]);
        logger.info("sign-in failed", { requestId: headerOf(req?.headers, "x-request-id") });
        return null;
      },
    }),
  ];
  if (e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET) {
    list.push(GitHubProvider({ clientId: e.GITHUB_CLIENT_ID, clientSecret: e.GITHUB_CLIENT_SECRET }));
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
    session: { strategy: "jwt", maxAge: THIRTY_DAYS },
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
      async signIn({ user, account }) {
        if (!account || account.provider === "credentials") return true;
        if (!user.email) return "/sign-in?error=EmailRequired";
        const linked = await userForExternalAccount({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user.email,
          name: user.name ?? null,
        });
        if (!linked) return "/sign-in?error=OAuthAccountNotLinked";
        user.id = linked.id;
        return true;
      },
      jwt({ token, user }) {
        // On sign-in `user` is ours (credentials) or was rewritten to ours in signIn (OAuth).
        if (user) {
          token.sub = user.id;
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
