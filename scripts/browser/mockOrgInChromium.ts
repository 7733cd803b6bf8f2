// One mock org (fresh data directory) and one Chromium page per test file, with the page's console
// and uncaught errors recorded.
import { afterAll, beforeAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startMockOrgServer, type RunningMockOrg } from '../../mock-org/server/startServer';
import { collectPageProblems, launchChromium, type PageProblems } from './chromium';

export interface MockOrgInChromium {
    readonly server: RunningMockOrg;
    readonly page: Page;
    readonly problems: PageProblems;
}

/** Registers the file's beforeAll / afterAll; the returned function gives the started session. */
export function useMockOrgInChromium(): () => MockOrgInChromium {
    let session: MockOrgInChromium | undefined;
    let browser: Browser | undefined;
    let dataDir: string | undefined;

    beforeAll(async () => {
        dataDir = mkdtempSync(path.join(tmpdir(), 'qwil-mock-org-'));
        const [server, launched] = await Promise.all([startMockOrgServer({ port: 0, dataDir }), launchChromium()]);
        browser = launched;
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        // Well under the test timeout, so that a missing element fails with Playwright's call log.
        context.setDefaultTimeout(10_000);
        const page = await context.newPage();
        session = { server, page, problems: collectPageProblems(page) };
    });

    afterAll(async () => {
        await Promise.all([browser?.close(), session?.server.close()]);
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    return () => {
        if (!session) throw new Error('The mock org and Chromium start in beforeAll');
        return session;
    };
}
