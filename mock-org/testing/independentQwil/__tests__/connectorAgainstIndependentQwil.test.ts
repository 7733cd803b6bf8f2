import path from 'node:path';
import { apexClasses } from '../../../../force-app/server';
import { QWIL_NAMED_CREDENTIAL } from '../../../../force-app/server/qwil/qwilTransport';
import { createMemoryCredentialStore } from '../../../platform/callouts/credentialStore';
import { MockOrg } from '../../../platform/mockOrg';
import { PROJECT_ROOT } from '../../../projectRoot';
import { routeQwilTo, startIndependentQwil, type RunningStandIn } from '../independentQwil';
import { standInFixture, type StandInFixture } from '../fixture';

// The connector against a Qwil written from Qwil's own material (issue 15, item 6): the org's named
// credential reaches it over a loopback socket, and its answers carry only what Qwil names.
const OLIVIA = 'olivia.hart@harbourwealth.example';

let org: MockOrg;
let standIn: RunningStandIn;
let fixture: StandInFixture;
let eleanorId: string;
let priyaId: string;

function contactId(lastName: string): string {
    return org.records.all('Contact').find((contact) => contact['LastName'] === lastName)?.Id ?? '';
}

async function callApex(className: string, methodName: string, params: unknown): Promise<unknown> {
    const outcome = await org.runtime.invoke({ userId: org.requireUser(OLIVIA).Id, className, methodName, params });
    if (!outcome.ok) throw new Error(`${className}.${methodName}: ${outcome.error.body.message}`);
    return outcome.value;
}

beforeAll(async () => {
    const seedDir = path.join(PROJECT_ROOT, 'mock-org', 'seed');
    const credentials = createMemoryCredentialStore();
    let origin = '';
    org = new MockOrg({
        projectRoot: PROJECT_ROOT,
        seedDir,
        credentials,
        apexClasses,
        transport: (request) => routeQwilTo(origin)(request)
    });
    eleanorId = contactId('Whitfield');
    priyaId = contactId('Raman');
    fixture = standInFixture({ clientRecordId: eleanorId, acceptSystemKeyOnChatService: true });
    standIn = await startIndependentQwil(fixture.data);
    origin = standIn.url;
    credentials.set(QWIL_NAMED_CREDENTIAL, {
        username: fixture.data.systemKey.key,
        password: fixture.data.systemKey.secret
    });
});

afterAll(() => standIn.close());

describe('the connector against an independent, Qwil-shaped stand-in', () => {
    it('opens the tab: finds the staff member by primary email and the client by record id', async () => {
        const tab = await callApex('QwilConnectorController', 'loadTab', { recordId: eleanorId });
        expect(tab).toMatchObject({
            kind: 'ready',
            staff: { name: 'Olivia Hart', entityUserXrefUuid: fixture.staff.entity_user_xref_uuid },
            client: {
                status: 'active',
                client: { firstName: 'Eleanor', lastName: 'Whitfield', primaryEmail: 'eleanor.whitfield@example.com' }
            },
            actions: { invite: false, resendInvitation: false }
        });
        expect(standIn.requests).toContain(`GET /entity-service/sys-api/entity-memberships?identifier=${eleanorId}`);
    });

    it('shows a client Qwil does not know (an error body with only error_code) as not invited', async () => {
        const tab = await callApex('QwilConnectorController', 'loadTab', { recordId: priyaId });
        expect(tab).toMatchObject({ kind: 'ready', client: { status: 'not_invited' }, actions: { invite: true } });
    });

    it("lists the client's chats the staff member takes part in, and opens one with its newest messages", async () => {
        const page = await callApex('QwilChatsController', 'listChats', { recordId: eleanorId, cursor: null });
        expect(page).toMatchObject({
            visibility: 'View Own Chats',
            clientName: 'Eleanor Whitfield',
            nextCursor: null,
            chats: [
                {
                    title: 'Portfolio review',
                    participants: expect.arrayContaining([
                        expect.objectContaining({ name: 'Olivia Hart', isYou: true })
                    ])
                }
            ]
        });
        const chats = (page as { chats: { chatUuid: string }[] }).chats;
        expect(chats).toHaveLength(1);
        const opened = await callApex('QwilChatsController', 'openChat', {
            recordId: eleanorId,
            chatUuid: chats[0]!.chatUuid
        });
        expect((opened as { messages: { text: string }[] }).messages.at(-1)?.text).toBe('Thursday suits me.');
    });
});
