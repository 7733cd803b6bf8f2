// Lint: Salesforce's LWC rules for the components, typescript-eslint for everything that runs on Node.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const jestPlugin = require('eslint-plugin-jest');
const globals = require('globals');
// Prettier owns formatting: this turns off the style rules that would argue with it.
const prettierConfig = require('eslint-config-prettier');

const LWC_FILES = ['force-app/main/default/lwc/**/*.ts'];

module.exports = [
    { ignores: ['node_modules/**', '.build/**', '.artifacts/**', '.local/**', 'coverage/**'] },
    ...lwcConfig.configs.recommendedTs.map((config) => ({ ...config, files: LWC_FILES })),
    {
        // The Babel parser sees type-only names as undefined or unused; tsc checks both (noUnusedLocals).
        files: LWC_FILES,
        rules: { 'no-undef': 'off', 'no-unused-vars': 'off' }
    },
    {
        files: ['force-app/main/default/lwc/**/__tests__/**/*.ts'],
        ...jestPlugin.configs['flat/recommended'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } },
        // Babel's parser reports members of type literals ({ name?: string }) as uses of the globals.
        rules: { ...jestPlugin.configs['flat/recommended'].rules, 'no-restricted-globals': 'off' }
    },
    ...tseslint.configs.recommended.map((config) => ({
        ...config,
        files: [
            'force-app/server/**/*.ts',
            'force-app/types/**/*.ts',
            'mock-org/**/*.ts',
            'scripts/**/*.ts',
            'jest.config.ts'
        ]
    })),
    {
        files: ['**/*.js', '**/*.mjs'],
        ignores: LWC_FILES,
        languageOptions: { globals: { ...globals.node } }
    },
    prettierConfig
];
