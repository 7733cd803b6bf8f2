import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DevServerSession } from '../../testing/devServerSession';
import { startMockOrgServer, type RunningMockOrg } from '../startServer';

// The mock org's HTTP surface (issue #4, item 8; platform.md §3.1, §3.2, §3.4): server methods run as
// the session's user, "log in as" switches that user, and record pages honour sharing.
const OLIVIA = 'olivia.hart@harbourwealth.example';
const JAMES = 'james.patel@harbourwealth.example';
const DANIEL = 'daniel.brooks@harbourwealth.example';
const CLASS = 'QwilConnectorController';

let server: RunningMockOrg;
let dataDir: string;
let whitfield: string;

beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mock-org-http-'));
    server = await startMockOrgServer({ port: 0, dataDir });
    whitfield = server.org.records.all('Contact').find((contact) => contact['LastName'] === 'Whitfield')?.Id ?? '';
});

afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
});

/** A new browser session, logged in as the user when one is given. */
const sessionAs = (username?: string) =>
    DevServerSession.open(server.url, username ? server.org.requireUser(username).Id : undefined);

async function callApex(
    methodName: string,
    body: string,
    { session, contentType = 'application/json' }: { session?: DevServerSession; contentType?: string } = {}
) {
    return (session ?? (await sessionAs())).post(`/apex/${CLASS}/${methodName}`, body, contentType);
}

/** A cacheable server method that reads the client record as the running user (user mode, with sharing). */
const readWhitfield = (session?: DevServerSession) =>
    callApex(
        'checkInvitationPhone',
        JSON.stringify({ recordId: whitfield, phone: '+44 7700 000123' }),
        session ? { session } : {}
    );

describe('POST /apex/<Class>/<method>', () => {
    it('runs as the default user when the browser has no session: the owner reads her Contact', async () => {
        expect((await readWhitfield()).status).toBe(200);
    });

    it("runs as the session's user: a user without access to the class gets the platform's message", async () => {
        const response = await readWhitfield(await sessionAs(DANIEL));
        expect(response.status).toBe(500);
        expect(await response.json()).toEqual({
            message: `You do not have access to the Apex class named '${CLASS}'.`
        });
    });

    it('switching users with "log in as" changes what the server methods can see', async () => {
        const session = await sessionAs(JAMES);
        const asJames = await readWhitfield(session);
        expect(asJames.status).toBe(500);
        expect(Object.keys((await asJames.json()) as object)).toEqual(['message']);
        await session.logInAs(server.org.requireUser(OLIVIA).Id);
        expect((await readWhitfield(session)).status).toBe(200);
    });

    it('refuses a body that is not declared as JSON with 415', async () => {
        const response = await callApex('checkInvitationPhone', JSON.stringify({ recordId: whitfield, phone: '1' }), {
            contentType: 'text/plain'
        });
        expect(response.status).toBe(415);
        expect(await response.json()).toEqual({
            message: 'Server methods take a JSON body (Content-Type: application/json).'
        });
    });

    it('answers 400 to a body that is not valid JSON', async () => {
        const response = await callApex('checkInvitationPhone', '{"recordId": ');
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({ message: expect.stringMatching(/^Invalid request body: /) });
    });

    it('answers 404 to a method the class does not have', async () => {
        expect((await callApex('noSuchMethod', '{}')).status).toBe(404);
    });
});

describe('record pages', () => {
    it('shows Insufficient Privileges to a user who cannot see the record', async () => {
        const response = await (await sessionAs(JAMES)).get(`/lightning/r/Contact/${whitfield}/view`);
        expect(response.status).toBe(403);
        expect(await response.text()).toContain('Insufficient Privileges');
    });

    it('shows the record to its owner', async () => {
        const response = await (await sessionAs(OLIVIA)).get(`/lightning/r/Contact/${whitfield}/view`);
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('Eleanor Whitfield');
    });

    it('never redirects "log in as" to another site', async () => {
        const response = await (
            await sessionAs()
        ).postForm('/login-as', { userId: server.org.requireUser(OLIVIA).Id, returnTo: '//evil.example/' });
        expect(response.headers.get('location')).toBe('/lightning/o/Contact/list');
    });
});
