// The one place where the tests' time limits live. They are sized for an overloaded 2-core machine (a second
// copy of the suite and other work running beside it, ten or more processes per core): a test waits on
// work, never on the clock, so a generous limit only decides how long a hung test takes to report, never
// whether a healthy one passes. A component test rendering 200 messages with an accessibility check needs
// a few seconds of CPU, and took over 30 s on such a machine.

/** Every test's limit (jest.config.ts `testTimeout`). */
export const TEST_TIMEOUT_MS = 120_000;

/** `waitFor`'s limit: below the test's own, so a condition that never holds is named in the failure. */
export const WAIT_FOR_TIMEOUT_MS = TEST_TIMEOUT_MS / 2;

/** Tests that start a JVM or child processes several times (the offline Apex checks, the browser tests, the fuzzer). */
export const SLOW_TEST_TIMEOUT_MS = 3 * TEST_TIMEOUT_MS;
