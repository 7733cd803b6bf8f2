// A busy office over HTTP on 127.0.0.1: STAFF simulated staff at once, each opening OPENS_EACH
// Qwil Messenger tabs one after another (POST /apex/QwilConnectorController/loadTab, with a session
// as DevServerSession makes it: "log in as" one of the seeded Qwil Messenger users, the page's
// anti-forgery token in the header), on the contacts that user sees in the Contacts list. The dev server runs in its own process from a fresh data
// directory (demo seed, the mock Qwil's default rate limit, no latency injected). The same load
// then goes to a bare node:http server in its own process, for the ratio of requests per second.
// Both are bounded: no new request starts after BENCH_LOAD_TIMEOUT_S, and each waits at most
// REQUEST_TIMEOUT_MS. Sessions are made before the clock starts.
// Run: npm run bench:load   (BENCH_STAFF, default 50; BENCH_OPENS, default 40; BENCH_PORT, default 3302, the bare server on the next port)
import { performance } from 'node:perf_hooks';
import { DevServerSession } from '../../mock-org/testing/devServerSession';
import { CSRF_HEADER } from '../../mock-org/ui/pages/csrf';
import { CONTACT_LIST_PATH } from '../../mock-org/ui/pages/layout';
import { startBareServer, startDevServer } from './childServer';
import { percentile, round, settingFromEnv } from './figures';

const STAFF = settingFromEnv('BENCH_STAFF', 50, 1, 200);
const OPENS_EACH = settingFromEnv('BENCH_OPENS', 40, 1, 200);
const PORT = settingFromEnv('BENCH_PORT', 3302, 1_024, 65_534);
const TIMEOUT_S = settingFromEnv('BENCH_LOAD_TIMEOUT_S', 120, 5, 600);
const REQUEST_TIMEOUT_MS = 30_000;
const LOAD_TAB_PATH = '/apex/QwilConnectorController/loadTab';
// The seeded users with the Qwil_Messenger_User permission set (mock-org/seed/access.json).
const STAFF_USERNAMES = ['olivia.hart@', 'sofia.reyes@', 'james.patel@'];

interface Client {
    readonly baseUrl: string;
    readonly headers: Record<string, string>;
    /** The records this client opens tabs on, in turn. */
    readonly recordIds: readonly string[];
}

const CONTACT_LINK = /href="\/lightning\/r\/Contact\/(\w+)\/view"/g;

/** The contacts the session's user sees in the Contacts list. */
async function visibleContacts(session: DevServerSession): Promise<string[]> {
    const page = await (await session.get(CONTACT_LIST_PATH)).text();
    const ids = [...new Set(Array.from(page.matchAll(CONTACT_LINK), (match) => match[1]!))];
    if (ids.length === 0) throw new Error(`${CONTACT_LIST_PATH} lists no contacts for this user`);
    return ids;
}

interface Outcome {
    readonly milliseconds: number;
    /** Undefined when the request succeeded. */
    readonly error?: string;
}

interface LoadResult {
    readonly outcomes: readonly Outcome[];
    readonly notSent: number;
    readonly seconds: number;
}

async function describeFailure(response: Response): Promise<string> {
    const text = await response.text();
    let message = text;
    try {
        message = String((JSON.parse(text) as { message?: unknown }).message ?? text);
    } catch {
        // Not JSON: the text itself names the failure.
    }
    return `${response.status} ${message.slice(0, 120)}`;
}

async function openTab(client: Client, recordId: string): Promise<Outcome> {
    const started = performance.now();
    try {
        const response = await fetch(`${client.baseUrl}${LOAD_TAB_PATH}`, {
            method: 'POST',
            headers: client.headers,
            body: JSON.stringify({ recordId }),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
        });
        const error = response.ok ? (await response.arrayBuffer(), undefined) : await describeFailure(response);
        return { milliseconds: performance.now() - started, error };
    } catch (error) {
        return {
            milliseconds: performance.now() - started,
            error: error instanceof Error ? error.name : String(error)
        };
    }
}

/** Every client opens its tabs one after another; all clients at once; nothing starts after the deadline. */
async function runLoad(clients: readonly Client[]): Promise<LoadResult> {
    const outcomes: Outcome[] = [];
    let notSent = 0;
    const started = performance.now();
    const deadline = started + TIMEOUT_S * 1000;
    await Promise.all(
        clients.map(async (client, index) => {
            for (let open = 0; open < OPENS_EACH; open += 1) {
                if (performance.now() > deadline) {
                    notSent += OPENS_EACH - open;
                    return;
                }
                outcomes.push(await openTab(client, client.recordIds[(index + open) % client.recordIds.length]!));
            }
        })
    );
    return { outcomes, notSent, seconds: (performance.now() - started) / 1000 };
}

function summarise(result: LoadResult): Record<string, number> {
    const times = result.outcomes.map((outcome) => outcome.milliseconds);
    return {
        requests: result.outcomes.length,
        errors: result.outcomes.filter((outcome) => outcome.error !== undefined).length,
        'not sent (deadline)': result.notSent,
        'p50 (ms)': round(percentile(times, 0.5)),
        'p95 (ms)': round(percentile(times, 0.95)),
        'p99 (ms)': round(percentile(times, 0.99)),
        'requests per second': round(result.outcomes.length / result.seconds),
        seconds: round(result.seconds, 1)
    };
}

function errorKinds(result: LoadResult): Record<string, number> {
    const kinds: Record<string, number> = {};
    for (const { error } of result.outcomes) if (error !== undefined) kinds[error] = (kinds[error] ?? 0) + 1;
    return kinds;
}

async function measureDevServer(): Promise<{ result: LoadResult; staff: string[] }> {
    const server = await startDevServer(PORT);
    try {
        const users = STAFF_USERNAMES.map((prefix) => {
            const user = server.ready.users.find((candidate) => candidate.username.startsWith(prefix));
            if (!user) throw new Error(`The demo seed has no user ${prefix}…`);
            return user;
        });
        const sessions = await Promise.all(
            Array.from({ length: STAFF }, (_, index) =>
                DevServerSession.open(server.ready.url, users[index % users.length]!.id)
            )
        );
        const clients = await Promise.all(
            sessions.map(async (session) => ({
                baseUrl: session.baseUrl,
                headers: {
                    cookie: session.cookie,
                    'content-type': 'application/json',
                    [CSRF_HEADER]: session.csrfToken
                },
                recordIds: await visibleContacts(session)
            }))
        );
        const result = await runLoad(clients);
        return { result, staff: users.map((user) => user.username) };
    } finally {
        await server.stop();
    }
}

async function measureBareServer(): Promise<LoadResult> {
    const server = await startBareServer(PORT + 1);
    try {
        const client = {
            baseUrl: server.ready.url,
            headers: { 'content-type': 'application/json' },
            recordIds: ['003000000000001AAA', '003000000000002AAA']
        };
        return await runLoad(Array.from({ length: STAFF }, () => client));
    } finally {
        await server.stop();
    }
}

async function main(): Promise<void> {
    const dev = await measureDevServer();
    const bare = await measureBareServer();
    const devRate = dev.result.outcomes.length / dev.result.seconds;
    const bareRate = bare.outcomes.length / bare.seconds;
    console.log(
        `${STAFF} simulated staff × ${OPENS_EACH} tab opens each, all staff at once, over HTTP on 127.0.0.1 (Node ${process.version}).`
    );
    console.log(
        `Dev server: fresh start, demo seed, default mock Qwil rate limit; sessions as ${dev.staff.join(', ')} in turn.`
    );
    console.table({ 'dev server (loadTab)': summarise(dev.result), 'bare node:http': summarise(bare) });
    console.log(
        `Ratio of requests per second, dev server ÷ bare node:http: ${round(devRate / bareRate, 2)} ×  (goal: ≥ 0.3 × with 0 errors)`
    );
    const kinds = errorKinds(dev.result);
    if (Object.keys(kinds).length > 0) {
        console.log('Dev server errors by kind (status and message):');
        console.table(kinds);
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
