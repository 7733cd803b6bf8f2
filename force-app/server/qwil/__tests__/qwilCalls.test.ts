import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QWIL_CALLS, requireDeclared, type QwilCallDeclaration } from '../qwilCalls';
import { QwilClient } from '../qwilClient';
import { encodeQueryValue } from '../qwilTransport';
import { CHAT, CLIENT, GROUP, MINIMAL_ANSWERS, STAFF } from './minimalAnswers';
import { scriptedQwil, type SentRequest } from './scriptedQwil';

// Every Qwil call the connector makes is declared once, with its source, in QWIL_CALLS (the README's
// table of Qwil calls); nothing else is ever sent, and no query parameter the declaration lacks.
const SERVICES: Record<string, QwilCallDeclaration['service']> = {
    'entity-service/sys-api': 'system',
    'chat-service/api': 'chat'
};

/** Every request each client method sends, with the answers it needs. */
async function sendEveryClientCall(): Promise<SentRequest[]> {
    const http = scriptedQwil(MINIMAL_ANSWERS);
    const qwil = new QwilClient(http);
    const { groups, chats } = qwil;
    await qwil.memberships.findMembership({ entity_user_xref_uuid: STAFF });
    await qwil.memberships.listTenancies('sofia@example.com');
    await qwil.memberships.listMembershipsPage({ role: 'staff', status: 'active', search: 'Reyes' }, 'next');
    await qwil.groups.search('Reyes');
    await qwil.memberships.createMembership({
        first_name: 'Ana',
        last_name: 'Lind',
        job_title: 'Client',
        primary_email: 'ana@example.com',
        role: 'client',
        created_by_entity_user_xref_uuid: STAFF
    });
    await qwil.memberships.resendInvitation(CLIENT);
    await qwil.memberships.updateInvitationPhone(CLIENT, '+447700000123');
    await qwil.memberships.setIdentifier(CLIENT, '003Qw0000000001AAA');
    await groups.groupsOf(CLIENT);
    await groups.search('');
    await groups.members(GROUP);
    await groups.create({ name: 'Reyes family' });
    await groups.update({ group_uuid: GROUP, description: null });
    await groups.destroy(GROUP);
    await groups.addMembers(GROUP, [STAFF]);
    await groups.removeMembers(GROUP, [STAFF]);
    await chats.listClientChats({ clientUuid: CLIENT, withUuid: STAFF, cursor: 'next', limit: 10 });
    await chats.listChatsOf(STAFF);
    await chats.messageRange(STAFF, CHAT, 20, 'next');
    await chats.createChat(STAFF, { entity_user_xref_uuids: [CLIENT] });
    await chats.sendText(STAFF, { chat_uuid: CHAT, text: 'Hello' });
    await chats.exportChat(CHAT, 'pdf');
    await chats.exportChat(CHAT, 'zip');
    await chats.probeTranscriptExport();
    return http.sent;
}

const declarationOf = (request: SentRequest) =>
    Object.entries(QWIL_CALLS).find(
        ([, call]) =>
            call.service === SERVICES[request.service] && call.method === request.method && call.path === request.path
    );

describe('the declaration table of Qwil calls', () => {
    let sent: SentRequest[];
    beforeAll(async () => {
        sent = await sendEveryClientCall();
    });

    it('lists every call the client sends, with every query parameter it sends', () => {
        for (const request of sent) {
            const [, declared] = declarationOf(request) ?? [];
            expect(declared && `${request.method} ${request.path}`).toBe(`${request.method} ${request.path}`);
            for (const name of request.query.keys()) expect(declared?.query).toContain(name);
        }
    });

    it('lists no call the client never sends', () => {
        const used = new Set(sent.map((request) => declarationOf(request)?.[0]));
        expect(Object.keys(QWIL_CALLS).filter((name) => !used.has(name))).toEqual([]);
    });

    it('refuses, before sending, a call or a query parameter it does not list', () => {
        expect(() => requireDeclared('system', 'GET', 'entity-memberships/avatar')).toThrow(
            'Qwil call GET system entity-memberships/avatar is not declared in QWIL_CALLS'
        );
        expect(() =>
            requireDeclared('system', 'GET', 'sdk/entity-memberships', { primary_email: 'a@example.com', limit: '100' })
        ).toThrow('Qwil call GET system sdk/entity-memberships: query parameter limit is not declared in QWIL_CALLS');
    });

    it('gives each call a source and what the connector depends on in its answer', () => {
        for (const call of Object.values(QWIL_CALLS)) {
            expect(call.source).toMatch(/^(api-guide|support-article|sample:QwilSdk\.cls|assumed)$/);
            expect(call.dependsOn).not.toBe('');
        }
    });

    it('is the same table in the Apex twin', () => {
        const apex = readFileSync(join(__dirname, '../../../main/default/classes/QwilCalls.cls'), 'utf8');
        const declared = [
            ...apex.matchAll(/declare\('(\w+)', '(\w+)', '([\w/-]+)', '([\w/-]+)', new List<String>\{([^}]*)\}/g)
        ].map(([, name, service, method, path, query]) => ({
            name,
            service,
            method,
            path,
            query: [...(query ?? '').matchAll(/'(\w+)'/g)].map(([, parameter]) => parameter)
        }));
        expect(declared).toEqual(
            Object.entries(QWIL_CALLS).map(([name, call]) => ({
                name,
                service: call.service,
                method: call.method,
                path: call.path,
                query: [...call.query]
            }))
        );
    });
});

describe('the tenancy lookup', () => {
    it("is sent as Qwil's multi-organisation sample sends it: the primary email only, no paging, no organisation header", async () => {
        const http = scriptedQwil(MINIMAL_ANSWERS);
        await new QwilClient(http).memberships.listTenancies('sofia.reyes+work@example.com');
        expect(http.sent).toHaveLength(1);
        expect(http.sent[0]?.rawQuery).toBe('primary_email=sofia.reyes%2Bwork%40example.com');
        expect(http.sent[0]?.headers.has('on-behalf-of-entity-uuid')).toBe(false);
    });
});

describe('query values', () => {
    it('are percent-encoded as RFC 3986 does: a space is %20, a plus sign %2B, only letters, digits and - . _ ~ stay as they are', async () => {
        const http = scriptedQwil(MINIMAL_ANSWERS);
        await new QwilClient(http).groups.search("O'Neil & Co (UK)* a+b/é~_.-");
        expect(http.sent[0]?.rawQuery).toBe('search=O%27Neil%20%26%20Co%20%28UK%29%2A%20a%2Bb%2F%C3%A9~_.-&limit=100');
        expect(http.sent[0]?.query.get('search')).toBe("O'Neil & Co (UK)* a+b/é~_.-");
    });

    it('encode every character outside the unreserved set', () => {
        for (let code = 32; code < 127; code++) {
            const character = String.fromCharCode(code);
            expect(encodeQueryValue(character)).toBe(
                /[A-Za-z0-9\-._~]/.test(character) ? character : `%${code.toString(16).toUpperCase().padStart(2, '0')}`
            );
        }
    });
});
