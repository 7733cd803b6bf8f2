// Lint: Salesforce's LWC rules for the components, typescript-eslint for everything that runs on Node.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const jestPlugin = require('eslint-plugin-jest');
const globals = require('globals');
// Prettier owns formatting: this turns off the style rules that would argue with it.
const prettierConfig = require('eslint-config-prettier');

// The component tests' shared support (force-app/test/jest-support) is LWC test code too.
const LWC_FILES = ['force-app/main/default/lwc/**/*.ts', 'force-app/test/**/*.ts'];
const NODE_TS_FILES = [
    'force-app/server/**/*.ts',
    'force-app/types/**/*.ts',
    'mock-org/**/*.ts',
    'scripts/**/*.ts',
    'jest.config.ts'
];
const LWC_TEST_FILES = ['force-app/main/default/lwc/**/__tests__/**/*.ts', 'force-app/test/**/*.ts'];

// A test folder is its own: what tests share lives in a test-support folder, never in another __tests__.
const NO_IMPORT_FROM_TESTS = {
    group: ['**/__tests__', '**/__tests__/**'],
    message:
        "Another folder's __tests__ is its own: shared test code lives in force-app/test/jest-support (components, imported as 'jest-support/…'), mock-org/testing or scripts/testing."
};
// The LWC configuration's own import restrictions, kept when this file adds one.
const lwcImportPatterns = lwcConfig.configs.recommendedTs
    .map((config) => config.rules?.['no-restricted-imports']?.[1]?.patterns)
    .filter(Boolean)
    .flat();

module.exports = [
    { ignores: ['node_modules/**', '.build/**', '.artifacts/**', '.local/**', 'coverage/**'] },
    ...lwcConfig.configs.recommendedTs.map((config) => ({ ...config, files: LWC_FILES })),
    {
        // The Babel parser sees type-only names as undefined or unused; tsc checks both (noUnusedLocals).
        files: LWC_FILES,
        rules: {
            'no-undef': 'off',
            'no-unused-vars': 'off',
            'no-restricted-imports': [
                'error',
                {
                    patterns: [...lwcImportPatterns, NO_IMPORT_FROM_TESTS]
                }
            ]
        }
    },
    {
        files: LWC_TEST_FILES,
        ...jestPlugin.configs['flat/recommended'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } },
        // Babel's parser reports members of type literals ({ name?: string }) as uses of the globals.
        rules: { ...jestPlugin.configs['flat/recommended'].rules, 'no-restricted-globals': 'off' }
    },
    ...tseslint.configs.recommended.map((config) => ({
        ...config,
        files: NODE_TS_FILES
    })),
    {
        files: NODE_TS_FILES,
        rules: { 'no-restricted-imports': ['error', { patterns: [NO_IMPORT_FROM_TESTS] }] }
    },
    {
        files: ['**/*.js', '**/*.mjs'],
        ignores: LWC_FILES,
        languageOptions: { globals: { ...globals.node } }
    },
    prettierConfig
];
