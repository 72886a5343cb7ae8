import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { apiRoute } from "@/lib/api";
import { authOptions } from "@/lib/auth";
import { blockedFor } from "@/lib/data/rate-limits";
import { AppError } from "@/lib/errors";
import { clientIp, keys, rules } from "@/lib/rate-limit-rules";
import { emailSchema } from "@/lib/schemas/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

function handle(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, authOptions());
}

/** Refuses a credentials sign-in with 429 while the email or the address has too many recent failures. */
async function enforceSignInLimits(request: NextRequest) {
  const form = await request.clone().formData().catch(() => null);
  const email = emailSchema.safeParse(form?.get("email"));
  const [byIp, byEmail] = await Promise.all([
    blockedFor(keys.signInIp(clientIp(request)), rules.signInIp),
    email.success ? blockedFor(keys.signInEmail(email.data), rules.signInEmail) : 0,
  ]);
  const retryAfter = Math.max(byIp, byEmail);
  if (retryAfter > 0) {
    throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`, { retryAfter });
  }
}

export const GET = apiRoute<Context>((request, context) => handle(request as NextRequest, context));

export const POST = apiRoute<Context>(async (request, context) => {
  const nextRequest = request as NextRequest;
  if (nextRequest.nextUrl.pathname.endsWith("/callback/credentials")) await enforceSignInLimits(nextRequest);
  return handle(nextRequest, context);
});
