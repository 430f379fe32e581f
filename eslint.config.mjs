// ESLint flat config: the Office add-ins rules (Excel.run discipline) with React and Prettier, applied to
// TypeScript and TSX too, plus a few typescript-eslint rules from the plugin's own instance.
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

// The plugin's own parser import resolves to undefined with current @typescript-eslint, so its
// TypeScript config is taken for plugins and rules and given typescript-eslint's parser.
const officeBase = officeAddins.configs.recommended.find((config) => config.plugins);

export default [
  {
    ignores: [
      "node_modules/",
      "dist/",
      "coverage/",
      "test-results/",
      "examples/",
      ".tmp/",
      "bench/results.json",
    ],
  },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    plugins: officeBase.plugins,
    languageOptions: {
      ...officeBase.languageOptions,
      parser: tseslint.parser,
      ecmaVersion: 2022,
      globals: {
        ...globals.browser,
        ...globals.node,
        ...globals.jest,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
      },
    },
    rules: {
      ...officeBase.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/ban-ts-comment": "error",
      "no-undef": "off",
      "no-redeclare": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
];
