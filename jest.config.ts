import { availableParallelism } from 'node:os';
import type { Config } from 'jest';
import { TEST_TIMEOUT_MS } from './mock-org/testing/testLimits';
import { preferShortRunJvm } from './scripts/apex/java';
// sfdx-lwc-jest ships CommonJS without type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jestConfig: lwcPreset } = require('@salesforce/sfdx-lwc-jest/config') as { jestConfig: Config };

// msw >= 2.12 pulls in a few ESM-only packages that Jest 29's CommonJS runtime must transpile.
const ESM_ONLY_PACKAGES = ['rettime', 'until-async', '@open-draft/deferred-promise'];
const transformIgnorePatterns = [
    `/node_modules/(?!(.*@lwc/state)|(.*@salesforce/sfdx-lwc-jest/src/lightning-stubs)|${ESM_ONLY_PACKAGES.join('|')}/)`
];
const esmTransform: Config['transform'] = {
    [`/node_modules/(${ESM_ONLY_PACKAGES.join('|')})/.+\\.m?js$|^.+\\.mjs$`]: [
        'babel-jest',
        { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] }
    ]
};
// Node-side TypeScript (server methods, mock org, scripts) compiles with swc: it needs no LWC compiler, and on a
// fresh clone jest spends about 15 s less CPU time than with Babel (measured on 2 cores).
const SWC_TYPESCRIPT: [string, Record<string, unknown>] = [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }
];
const nodeTypeScriptTransform: Config['transform'] = { '^.+\\.ts$': SWC_TYPESCRIPT };
// The component projects load server and mock-org modules too (integration tests, contracts).
const nodeSideInLwcProjects: Config['transform'] = { '/(force-app/server|mock-org|scripts)/.+\\.ts$': SWC_TYPESCRIPT };

// What the component tests share (helpers, fixtures, base-component stubs) lives in one folder, imported as `jest-support/…`.
const JEST_SUPPORT = '<rootDir>/force-app/test/jest-support';

const lwcProject = (displayName: string, overrides: Config): Config => ({
    ...lwcPreset,
    displayName,
    roots: ['<rootDir>/force-app/main/default/lwc', JEST_SUPPORT],
    moduleNameMapper: { ...lwcPreset.moduleNameMapper, '^jest-support/(.*)$': `${JEST_SUPPORT}/$1` },
    testEnvironment: '<rootDir>/scripts/jest/lwc-msw-environment.js',
    transform: { ...esmTransform, ...nodeSideInLwcProjects, ...lwcPreset.transform },
    transformIgnorePatterns,
    ...overrides,
    setupFilesAfterEnv: [
        ...(lwcPreset.setupFilesAfterEnv ?? []),
        '<rootDir>/scripts/jest/sa11y-setup.ts',
        ...(overrides.setupFilesAfterEnv ?? [])
    ]
});

const projects: Config[] = [
    lwcProject('lwc', {
        testMatch: ['**/__tests__/**/*.test.ts'],
        testPathIgnorePatterns: ['\\.integration\\.test\\.ts$']
    }),
    lwcProject('lwc-integration', {
        testMatch: ['**/__tests__/**/*.integration.test.ts'],
        setupFilesAfterEnv: ['<rootDir>/mock-org/testing/lwcIntegrationSetup.ts']
    }),
    {
        displayName: 'node',
        roots: ['<rootDir>/force-app/server', '<rootDir>/mock-org', '<rootDir>/scripts'],
        testMatch: ['**/__tests__/**/*.test.ts'],
        testPathIgnorePatterns: ['\\.browser\\.test\\.ts$'],
        testEnvironment: 'node',
        transform: { ...esmTransform, ...nodeTypeScriptTransform },
        transformIgnorePatterns
    }
];

// The Chromium smoke tests need a preview build and Debian's chromium: `npm run test:browser`.
if (process.env.BROWSER_TESTS === '1') {
    projects.push({
        displayName: 'browser',
        roots: ['<rootDir>/scripts/browser'],
        testMatch: ['**/*.browser.test.ts'],
        testEnvironment: 'node',
        transform: { ...esmTransform, ...nodeTypeScriptTransform },
        transformIgnorePatterns
    });
}

// Jest's default (cores - 1) leaves one of 2 cores idle; its workers also wait on child processes (JVMs,
// tsx, HTTP servers), so one worker per core, and at least 2, keeps the cores busy.
const maxWorkers = Math.max(2, availableParallelism() - 1);

// Test workers inherit this process's environment; the Apex check tests start apex-ls and PMD.
preferShortRunJvm();

// The test limit lives in mock-org/testing/testLimits.ts with the other waits of the test support.
const config: Config = { projects, testTimeout: TEST_TIMEOUT_MS, maxWorkers };
export default config;
