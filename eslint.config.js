// Lint rules: typescript-eslint's recommended set over every TypeScript file, plus the type-aware
// promise rules (storage is async: an un-awaited write could land outside its unit of work).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "migrations/**", "coverage/**", "data/**", "eslint.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        // the plain-JavaScript start-up scripts run without a build, so they sit outside tsconfig.json
        projectService: { allowDefaultProject: ["bench/*.mjs", "scripts/*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "no-control-regex": "off",
    },
  },
  // TypeScript's default project resolves the .mjs scripts' names (process, URL) as typescript-eslint advises
  { files: ["**/*.mjs"], rules: { "no-undef": "off" } },
);
