import "next-auth";

declare module "next-auth" {
  interface Session {
    user?: { id?: string; name?: string | null; email?: string | null; image?: string | null };
    /** When the user last signed in (seconds since the epoch): recent sign-ins confirm sensitive actions. */
    signedInAt?: number;
  }
}
