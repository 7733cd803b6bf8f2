import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReadyTab } from '../../../force-app/server/contracts/QwilConnectorController';
import { CLIENT_STATE_REUSE_SECONDS } from '../../../force-app/server/services/clientStateReuse';
import { DEMO } from '../../qwil';
import { DevServerSession } from '../../testing/devServerSession';
import { readAdminToken } from '../localState';
import { startMockOrgServer, type RunningMockOrg } from '../startServer';
import { fakeDateOnly as useFakeDate } from '../../testing/fakeDateOnly';

// The dev server keeps its Qwil state and its generated credential across restarts, and a change
// made through its mock Qwil control surface is what the connector then sees through the named credential.
const MARCUS = '003Qw0000000003IAA';

async function clientStatus(server: RunningMockOrg, recordId: string): Promise<string> {
    const session = await DevServerSession.open(server.url);
    const response = await session.post('/apex/QwilConnectorController/loadTab', JSON.stringify({ recordId }));
    expect(response.status).toBe(200);
    return ((await response.json()) as ReadyTab).client.status;
}

describe('the dev server state', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'mock-org-data-'));
    let server: RunningMockOrg | undefined;
    afterEach(async () => {
        jest.useRealTimers();
        await server?.close();
    });

    it('shows a change made through the control surface once the short reuse of client state is over, and keeps it after a restart', async () => {
        // Only Date is faked: the connector reuses a client's Qwil state for a few seconds.
        useFakeDate(Date.now());
        server = await startMockOrgServer({ port: 0, dataDir });
        expect(await clientStatus(server, MARCUS)).toBe('pending');

        const accepted = await fetch(`${server.url}/__mock-qwil-admin/invitations/accept`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${readAdminToken(dataDir) ?? ''}` },
            body: JSON.stringify({ entityUserXrefUuid: DEMO.clients.marcusBennett })
        });
        expect(accepted.status).toBe(200);
        jest.setSystemTime(Date.now() + CLIENT_STATE_REUSE_SECONDS * 1000);
        expect(await clientStatus(server, MARCUS)).toBe('active');

        await server.close();
        server = await startMockOrgServer({ port: 0, dataDir });
        expect(await clientStatus(server, MARCUS)).toBe('active');
    });

    it('does not serve the control surface on the Qwil route the named credential reaches', async () => {
        server = await startMockOrgServer({ port: 0, dataDir });
        const response = await fetch(`${server.url}/__qwil/eu.qwil.io/__admin/state`);
        // Any path on a Qwil host is Qwil's: it authenticates the caller before it answers that the path is unknown.
        expect({ status: response.status, body: (await response.json()) as unknown }).toMatchObject({
            status: 401,
            body: { error_code: 'RU001' }
        });
    });
});
