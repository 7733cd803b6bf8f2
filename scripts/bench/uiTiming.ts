// Time to content in Chromium against the dev server, with a fixed latency injected into every mock
// Qwil call through the control surface (local admin token). Each run starts a fresh dev server
// process (so Platform Cache is empty and the staff mapping is cold), warms the process up with
// another user's tab opens over HTTP, then, as Olivia Hart in a fresh browser context:
//   cold tab:    Eleanor Whitfield's record page, click Qwil Messenger, until the page heading shows
//   chat list:   click Chats, until "Q3 portfolio review" is listed
//   opened chat: click that chat, until its messages are listed
//   warm tab:    Marcus Bennett's record page (staff mapping now cached), click Qwil Messenger
// Timing is taken in the page: performance.now() at the click, then the first animation frame at
// which the content is in the page (so within one frame, about 17 ms), and the server-method
// requests from resource timing. Figures are medians over the runs.
// Run: npm run bench:ui   (BENCH_LATENCY_MS, default 150; BENCH_RUNS, default 5; BENCH_PORT, default 3301)
import type { Browser, Page } from 'playwright-core';
import { DevServerSession } from '../../mock-org/testing/devServerSession';
import { launchChromium } from '../browser/chromium';
import { startDevServer, type DevServer } from './childServer';
import { median, round, settingFromEnv } from './figures';
import { CLICK_AND_WAIT_SOURCE, type ClickAndWait, type ClickTiming } from './inPageTiming';

const LATENCY_MS = settingFromEnv('BENCH_LATENCY_MS', 150, 1, 2_000);
const RUNS = settingFromEnv('BENCH_RUNS', 5, 1, 20);
const PORT = settingFromEnv('BENCH_PORT', 3301, 1_024, 65_535);
const CONTENT_TIMEOUT_MS = 20_000;
const WARM_UP_OPENS = 3;
const PANEL = '[data-qwil-messenger-panel]';

const SCENARIOS = ['cold tab', 'warm tab', 'chat list', 'opened chat'] as const;
type Scenario = (typeof SCENARIOS)[number];

interface Sample {
    readonly total: number;
    /** Click to the first server-method request leaving, and that request's answer to content. */
    readonly toRequest?: number;
    readonly answerToContent?: number;
    readonly requests: number;
}

const OPEN_TAB: ClickAndWait = {
    click: { selector: '[role="tab"]', text: 'Qwil Messenger' },
    content: { selector: '[data-id="page-heading"]', within: PANEL },
    timeoutMs: CONTENT_TIMEOUT_MS
};
const OPEN_CHATS: ClickAndWait = {
    click: { selector: 'a', text: 'Chats', within: PANEL },
    content: { selector: 'ul[data-id="chats"]', text: 'Q3 portfolio review', within: PANEL },
    timeoutMs: CONTENT_TIMEOUT_MS
};
const OPEN_CHAT: ClickAndWait = {
    click: { selector: 'button.chat-row', text: 'Q3 portfolio review', within: PANEL },
    content: { selector: 'ol[data-id="messages"] li', within: PANEL },
    timeoutMs: CONTENT_TIMEOUT_MS
};

async function clickAndWait(page: Page, step: ClickAndWait): Promise<Sample> {
    const timing = await page.evaluate<ClickTiming>(`(${CLICK_AND_WAIT_SOURCE})(${JSON.stringify(step)})`);
    const first = [...timing.requests].sort((a, b) => a.startTime - b.startTime)[0];
    const lastAnswer = Math.max(...timing.requests.map((request) => request.responseEnd));
    return {
        total: timing.contentAt - timing.clickedAt,
        toRequest: first && first.startTime - timing.clickedAt,
        answerToContent: first && timing.contentAt - lastAnswer,
        requests: timing.requests.length
    };
}

function contactId(server: DevServer, name: string): string {
    const contact = server.ready.contacts.find((candidate) => candidate.name === name);
    if (!contact) throw new Error(`The demo seed has no contact named ${name}`);
    return contact.id;
}

/** Another user's tab opens, so the server process has run the code before the measured clicks. */
async function warmUpServer(server: DevServer): Promise<void> {
    const sofia = server.ready.users.find((user) => user.username.startsWith('sofia.reyes@'));
    if (!sofia) throw new Error('The demo seed has no user sofia.reyes@…');
    const session = await DevServerSession.open(server.ready.url, sofia.id);
    const body = JSON.stringify({ recordId: contactId(server, 'Priya Raman') });
    for (let open = 0; open < WARM_UP_OPENS; open += 1) {
        const response = await session.post('/apex/QwilConnectorController/loadTab', body);
        if (!response.ok) throw new Error(`Warming up: loadTab answered ${response.status} ${await response.text()}`);
    }
}

async function openRecordPage(page: Page, server: DevServer, name: string): Promise<void> {
    await page.goto(`${server.ready.url}/lightning/r/Contact/${contactId(server, name)}/view`);
    // As a user would: the page has finished loading before they click a tab.
    await page.waitForLoadState('networkidle');
}

async function run(browser: Browser): Promise<Record<Scenario, Sample>> {
    const server = await startDevServer(PORT);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
        await warmUpServer(server);
        await server.control('faults', { latencyMs: LATENCY_MS });
        const page = await context.newPage();
        await openRecordPage(page, server, 'Eleanor Whitfield');
        const coldTab = await clickAndWait(page, OPEN_TAB);
        const chatList = await clickAndWait(page, OPEN_CHATS);
        const openedChat = await clickAndWait(page, OPEN_CHAT);
        await openRecordPage(page, server, 'Marcus Bennett');
        const warmTab = await clickAndWait(page, OPEN_TAB);
        return { 'cold tab': coldTab, 'warm tab': warmTab, 'chat list': chatList, 'opened chat': openedChat };
    } finally {
        await context.close();
        await server.stop();
    }
}

function summarise(samples: readonly Sample[]): Record<string, number | string> {
    const medianOf = (values: readonly (number | undefined)[]) => {
        const known = values.filter((value): value is number => value !== undefined);
        return known.length === 0 ? '–' : round(median(known));
    };
    const total = median(samples.map((sample) => sample.total));
    return {
        'time to content ÷ latency': round(total / LATENCY_MS, 2),
        'time to content (ms)': round(total),
        'click → first request (ms)': medianOf(samples.map((sample) => sample.toRequest)),
        'last answer → content (ms)': medianOf(samples.map((sample) => sample.answerToContent)),
        'server requests': medianOf(samples.map((sample) => sample.requests)),
        'runs (ms)': samples.map((sample) => round(sample.total)).join(' ')
    };
}

async function main(): Promise<void> {
    const browser = await launchChromium();
    const version = browser.version();
    const runs: Record<Scenario, Sample>[] = [];
    try {
        for (let index = 0; index < RUNS; index += 1) {
            runs.push(await run(browser));
            process.stdout.write(`run ${index + 1} of ${RUNS} done\n`);
        }
    } finally {
        await browser.close();
    }
    console.log(
        `\nTime to content in Chromium (headless ${version}), ${LATENCY_MS} ms injected into every mock Qwil call, median of ${RUNS} runs:`
    );
    console.table(
        Object.fromEntries(SCENARIOS.map((scenario) => [scenario, summarise(runs.map((sample) => sample[scenario]))]))
    );
    console.log(
        'Goals: cold tab ≤ 2.5 × the latency, warm tab ≤ 1.5 ×. Content time is the first animation frame with the content in the page.'
    );
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
