// ESLint: Next's rules (core web vitals, React hooks, a11y basics), typescript-eslint's
// type-aware checks for promises and imports, and drizzle's guard against an update or a
// delete without a where. `npm run lint` fails on any warning.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import tseslint from "typescript-eslint";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin, drizzle },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      // import("…") types stay allowed: vitest's typed importOriginal<typeof import("…")> needs them.
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb()"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb()"] }],
    },
  },
  {
    // The app's queries run on SQLite or PostgreSQL (db/tables.ts): drizzle's .get(), .all() and
    // .run() exist on SQLite only. Await the query, or take a row with first()/one() from db/rows.ts.
    files: ["app/**/*.ts", "app/**/*.tsx", "lib/**/*.ts", "scripts/**/*.ts"],
    // The backup tool and the copy tool read SQLite files themselves, on purpose.
    ignores: ["lib/server/backup/**", "lib/server/db-copy/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[arguments.length=0] > MemberExpression.callee > Identifier.property[name=/^(get|all|run)$/]",
          message: "SQLite-only: await the drizzle query itself, or use first()/one() from @/db/rows, so it also runs on PostgreSQL.",
        },
      ],
    },
  },
  {
    // Plain CommonJS config files load JSON with require().
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "node_modules/**", "data/**", "tests/.artifacts/**"]),
]);
