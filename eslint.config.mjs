import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layering (docs/decisions/0019-layout.md): app/ (routes and pages) uses components/ and lib/; components/
// use lib/ but get their data from the page that renders them; lib/ never reaches up. Each rule names the
// import forms it refuses, alias and relative alike.
const upward = (what, message) => ({ regex: `^(@/|(\\.\\./)+)${what}(/|$)`, message });

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "lib/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      ".scratch/**",
    ],
  },
  {
    files: ["lib/**/*.{ts,tsx,mts,mjs}"],
    // The API router's route table imports the route handlers it serves (docs/decisions/0017-one-request-path.md).
    ignores: ["lib/server/api-routes.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            upward("app", "lib/ is below app/: pass what it needs in, or move the code down into lib/."),
            upward("components", "lib/ is below components/: move the shared code down into lib/."),
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            upward("app", "components/ are below app/: pass what a component needs as props."),
            {
              ...upward(
                "lib/(data|db)",
                "Components get their data from the page that renders them (a section that loads data lives next to its page in app/).",
              ),
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)seed/(?!load$)",
              message: "The app reaches the seed content through seed/load only.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
