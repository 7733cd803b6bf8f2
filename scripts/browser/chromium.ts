// Debian's Chromium driven by playwright-core, with the flags this machine needs: the
// background-networking flags stop Chromium from calling out to Google, which the closed network refuses.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

/** Headless, with a fresh profile (playwright-core makes a new empty user data dir per launch). */
export function launchChromium(): Promise<Browser> {
    if (!existsSync(CHROMIUM_PATH)) {
        throw new Error(`${CHROMIUM_PATH} is missing: install it with apt-get install -y chromium`);
    }
    return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface PageProblems {
    readonly consoleErrors: string[];
    readonly pageErrors: string[];
}

/** Records console errors and uncaught page errors from now on. */
export function collectPageProblems(page: Page): PageProblems {
    const problems: PageProblems = { consoleErrors: [], pageErrors: [] };
    page.on('console', (message) => {
        if (message.type() === 'error') {
            const { url, lineNumber } = message.location();
            problems.consoleErrors.push(url ? `${message.text()} (${url}:${lineNumber})` : message.text());
        }
    });
    page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
    return problems;
}
