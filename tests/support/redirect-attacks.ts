// Generated post-sign-in destinations an attacker would try: separators and their encodings, dot segments,
// whitespace browsers drop, lookalike characters, schemes. Shared by the unit test of lib/http/redirects.ts and the
// Chromium test that signs in for real (tests/security/web-defenses.spec.ts).
import fc from "fast-check";

const piece = fc.constantFrom(
  "/",
  "//",
  "\\",
  "\\\\",
  ".",
  "..",
  "%2e",
  "%2E",
  "%2e%2e",
  "%2f",
  "%2F",
  "%5c",
  "%5C",
  "%252f",
  "\t",
  "\n",
  "\r",
  " ",
  "%09",
  "%0a",
  "%00",
  "\u0000",
  "@",
  ":",
  "evil.example",
  "evil.example:443",
  "http:",
  "https:",
  "javascript:",
  "data:",
  "?",
  "#",
  "&",
  "=",
  "~",
  "；",
  "／",
  "＼",
  "\u2215",
  "\u2044",
  "\u3002",
  "\uff0e",
  "ａ",
  "é",
  "%c0%af",
  "%e0%80%af",
  "dashboard",
  "interviews",
  "a",
  "x y",
  "%",
  "%%",
  "%zz",
);

/** Any mix of the pieces. */
export const attack = fc.array(piece, { minLength: 1, maxLength: 10 }).map((parts) => parts.join(""));
/** The same, made to look like a path (a leading slash), which is what gets past naive checks. */
export const pathLikeAttack = attack.map((a) => (a.startsWith("/") ? a : `/${a}`));
/** Every kind of value, for properties. */
export const anyDestination = fc.oneof(attack, pathLikeAttack, fc.string(), fc.webUrl(), fc.webPath());

/** The values reported in the issue, and the classic ones. */
export const KNOWN_ATTACKS = [
  "/.//evil.example",
  "/..//evil.example",
  "/%2e//evil.example",
  "/a/..//evil.example",
  "/./\\evil.example",
  "/\t/evil.example",
  "https://evil.example/phish",
  "//evil.example/phish",
  "/\\evil.example/phish",
  "javascript:alert(document.domain)",
];
