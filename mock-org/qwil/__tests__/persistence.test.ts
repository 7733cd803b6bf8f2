import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { MembershipLookupResponse, MembershipResponse } from '../../../force-app/server/qwil/schemas';
import { createMockQwil, DEMO, type MockQwil } from '../index';

const server = setupServer();
let directory: string;
let statePath: string;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'mock-qwil-'));
    statePath = path.join(directory, 'nested', 'mock-qwil-state.json');
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));
afterAll(() => server.close());

/** Starts a mock Qwil on the state file, as the dev server does on every start. */
function start(): MockQwil {
    const qwil = createMockQwil({ seed: 'demo', persistPath: statePath });
    server.resetHandlers(...qwil.handlers, ...qwil.adminHandlers);
    return qwil;
}

const headers = (credentials: { key: string; secret: string }) => ({
    'X-SYS-API-KEY': credentials.key,
    'X-SYS-API-KEY-SECRET': credentials.secret,
    'Content-Type': 'application/json'
});
const hannah = `https://eu.qwil.io/entity-service/sys-api/entity-memberships?entity_user_xref_uuid=${DEMO.clients.hannahLindqvist}`;

describe('persistence', () => {
    it('starts from the seed without writing anything until the first change', () => {
        start();
        expect(existsSync(statePath)).toBe(false);
    });

    it('keeps changes made through the API and the admin API across a restart', async () => {
        const first = start();
        const created = await fetch('http://mock-qwil.admin/__admin/keys', {
            method: 'POST',
            body: JSON.stringify({ name: 'dev server' })
        });
        const { result: credentials } = (await created.json()) as { result: { key: string; secret: string } };
        const suspended = await fetch('https://eu.qwil.io/entity-service/sys-api/entity-memberships/suspend', {
            method: 'POST',
            headers: headers(credentials),
            body: JSON.stringify({ entity_user_xref_uuid: DEMO.clients.hannahLindqvist })
        });
        expect(MembershipResponse.parse(await suspended.json()).entity_membership.status).toBe('suspended');
        first.control.acceptInvitation(DEMO.clients.marcusBennett);
        expect(readFileSync(statePath, 'utf8')).not.toContain(credentials.secret);

        const second = start();
        const reply = await fetch(hannah, { headers: headers(credentials) });
        expect(MembershipLookupResponse.parse(await reply.json()).entity_membership.status).toBe('suspended');
        const marcus = second.control
            .snapshot()
            .memberships.find((m) => m.entity_user_xref_uuid === DEMO.clients.marcusBennett);
        expect(marcus?.status).toBe('active');
    });

    it('continues the id sequence after a restart, so new records never collide', async () => {
        const first = start();
        const credentials = first.control.createSystemApiKey({ name: 'k' });
        const createGroup = async (name: string) => {
            const response = await fetch('https://eu.qwil.io/entity-service/sys-api/groups/create', {
                method: 'POST',
                headers: headers(credentials),
                body: JSON.stringify({ name })
            });
            return ((await response.json()) as { group: { group_uuid: string } }).group.group_uuid;
        };
        const before = await createGroup('Before restart');
        start();
        expect(await createGroup('After restart')).not.toBe(before);
    });

    it('serves the same handlers through getResponse, as the dev server adapter does', async () => {
        const qwil = createMockQwil({ seed: 'demo', persistPath: statePath });
        const credentials = qwil.control.createSystemApiKey({ name: 'adapter' });
        const response = await getResponse(qwil.handlers, new Request(hannah, { headers: headers(credentials) }));
        expect(response?.status).toBe(200);
        expect(MembershipLookupResponse.parse(await response?.json()).entity_membership.first_name).toBe('Hannah');
    });

    it('refuses a state file of another version', () => {
        start().control.seed('empty');
        writeFileSync(statePath, JSON.stringify({ version: 2 }));
        expect(() => start()).toThrow(/version/);
    });

    it('refuses a state file that is not JSON or not the state, naming the file and the problem', () => {
        start().control.seed('empty');
        writeFileSync(statePath, '{ "version": 1, ');
        expect(() => start()).toThrow(/mock-qwil-state\.json: not a mock Qwil state file/);
        writeFileSync(
            statePath,
            JSON.stringify({
                version: 1,
                sequence: 0,
                organisations: [],
                memberships: [{ first_name: 'Ada' }],
                groups: [],
                chats: [],
                apiKeys: []
            })
        );
        expect(() => start()).toThrow(/mock-qwil-state\.json: memberships\.0\.entity_user_xref_uuid/);
    });

    it('reads a state file written before Master User keys, the SDK switch and the create SDK tokens flag', () => {
        const first = start();
        const credentials = first.control.createSystemApiKey({ name: 'kept' });
        const earlier = JSON.parse(readFileSync(statePath, 'utf8')) as Record<string, unknown> & {
            organisations: Record<string, unknown>[];
            apiKeys: Record<string, unknown>[];
        };
        delete earlier['masterKeys'];
        earlier.organisations.forEach((o) => delete o['sdk_enabled']);
        earlier.apiKeys.forEach((k) => delete k['canCreateSdkTokens']);
        writeFileSync(statePath, JSON.stringify(earlier));
        const state = start().control.snapshot();
        expect(state.masterKeys).toEqual([]);
        expect(state.organisations.every((o) => o.sdk_enabled)).toBe(true);
        expect(state.apiKeys.find((k) => k.key === credentials.key)?.canCreateSdkTokens).toBe(false);
    });
});
