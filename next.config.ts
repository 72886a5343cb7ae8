import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  output: "standalone",
  reactStrictMode: true,
  // Native argon2 bindings and the pg driver stay as Node requires, not bundled; so does Piscina, which
  // starts its workers from a file of its own (lib/content/markdown/pool.ts).
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "piscina"],
  typescript: { ignoreBuildErrors: true },
  turbopack: {
    resolveAlias: {
      // micromark decodes character references through the DOM in browsers; the markdown preview renders in
      // a Web Worker (lib/content/markdown/preview-worker.ts), which has none. The package's plain version works anywhere.
      "decode-named-character-reference": { browser: "./node_modules/decode-named-character-reference/index.js" },
    },
  }, // `npm test` type-checks once with tsc; the build need not repeat it.
};

export default nextConfig;
