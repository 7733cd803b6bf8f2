// The one place where the tests' time limits live. They are sized for a loaded 2-core machine (a second
// copy of the suite, or other work, running beside it): a test waits on work, never on the clock, so a
// generous limit only decides how long a hung test takes to report, never whether a healthy one passes.

/** Every test's limit (jest.config.ts `testTimeout`). */
export const TEST_TIMEOUT_MS = 30_000;

/** `waitFor`'s limit: below the test's own, so a condition that never holds is named in the failure. */
export const WAIT_FOR_TIMEOUT_MS = TEST_TIMEOUT_MS / 2;

/** Tests that start a JVM or a child process several times (the offline Apex checks, the browser tests). */
export const SLOW_TEST_TIMEOUT_MS = 4 * TEST_TIMEOUT_MS;
