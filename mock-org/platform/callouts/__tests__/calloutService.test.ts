import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { CalloutException, HttpRequest } from '../../../../force-app/server/platform/http';
import { LimitException } from '../../apex/limits';
import { Transaction } from '../../apex/transaction';
import type { NamedCredentialDefinition } from '../../metadata/namedCredentials';
import { CalloutService, type CalloutCaller } from '../calloutService';
import { createMemoryCredentialStore } from '../credentialStore';

// Rules from platform.md §1.2–1.4 and §2 (checklist items 1–5).
const received: Request[] = [];
const server = setupServer(
    http.all('https://api.example.test/*', async ({ request }) => {
        received.push(request.clone());
        if (new URL(request.url).pathname === '/slow') await delay(200);
        if (new URL(request.url).pathname === '/missing')
            return HttpResponse.json({ error_code: 'RN006' }, { status: 404 });
        if (new URL(request.url).pathname === '/binary')
            return new HttpResponse(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]), {
                headers: { 'Content-Type': 'application/pdf' }
            });
        return HttpResponse.json({ ok: true });
    })
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
    received.length = 0;
});
afterAll(() => server.close());

const credential = (overrides: Partial<NamedCredentialDefinition> = {}): NamedCredentialDefinition => ({
    name: 'Example',
    label: 'Example',
    endpoint: 'https://api.example.test',
    authentication: 'password',
    generateAuthorizationHeader: true,
    allowMergeFieldsInHeader: true,
    allowMergeFieldsInBody: false,
    externalCredential: null,
    externalCredentialPrincipals: [],
    ...overrides
});

function serviceWith(definition: NamedCredentialDefinition, principal = { username: 'key-123', password: 's3cr3t' }) {
    const credentials = new Map([[definition.name, definition]]);
    return new CalloutService(
        credentials,
        createMemoryCredentialStore(principal ? { [definition.name]: principal } : {}),
        (request) => fetch(request)
    );
}

function request(endpoint: string, configure: (request: HttpRequest) => void = () => undefined): HttpRequest {
    const built = new HttpRequest();
    built.setEndpoint(endpoint);
    configure(built);
    return built;
}

const transaction = () => new Transaction('005Qw0000000002IAA', false);
/** A user whose permission sets grant the Example_Auth-Main principal. */
const caller: CalloutCaller = { canUseExternalCredentialPrincipal: (principal) => principal === 'Example_Auth-Main' };

describe('callout: URLs (rule 1)', () => {
    it('replaces callout:<Name> by the endpoint and appends the path and query', async () => {
        await serviceWith(credential()).send(request('callout:Example/v1/items?q=a%20b'), transaction(), caller);
        expect(received[0]?.url).toBe('https://api.example.test/v1/items?q=a%20b');
    });

    it('refuses an unknown named credential without sending anything', async () => {
        await expect(serviceWith(credential()).send(request('callout:Nope/x'), transaction(), caller)).rejects.toThrow(
            /named credential "Nope"/
        );
        expect(received).toHaveLength(0);
    });

    it('refuses a raw URL that no remote site allows', async () => {
        await expect(
            serviceWith(credential()).send(request('https://api.example.test/x'), transaction(), caller)
        ).rejects.toThrow(
            'Unauthorized endpoint, please check Setup->Security->Remote site settings. endpoint = https://api.example.test/x'
        );
    });
});

describe('authorization header and merge fields (rule 2)', () => {
    it('generates Basic base64(username:password) when Generate Authorization Header is on', async () => {
        await serviceWith(credential()).send(request('callout:Example/x'), transaction(), caller);
        expect(received[0]?.headers.get('authorization')).toBe(
            `Basic ${Buffer.from('key-123:s3cr3t').toString('base64')}`
        );
    });

    it('sends no Authorization header when the option is off', async () => {
        await serviceWith(credential({ generateAuthorizationHeader: false })).send(
            request('callout:Example/x'),
            transaction(),
            caller
        );
        expect(received[0]?.headers.has('authorization')).toBe(false);
    });

    it('replaces merge fields in headers when Allow Merge Fields in HTTP Header is on, in either spelling', async () => {
        const built = request('callout:Example/x', (r) => {
            r.setHeader('X-Key', '{!$Credential.UserName}');
            r.setHeader('X-Secret', '{!$Credential.Password}');
            r.setHeader('X-Key-Canonical', '{!$Credential.Username}');
        });
        await serviceWith(credential()).send(built, transaction(), caller);
        expect(received[0]?.headers.get('x-key')).toBe('key-123');
        expect(received[0]?.headers.get('x-secret')).toBe('s3cr3t');
        expect(received[0]?.headers.get('x-key-canonical')).toBe('key-123');
        expect(built.getHeader('X-Secret')).toBe('{!$Credential.Password}');
    });

    it('sends header tokens literally when header merging is off', async () => {
        const built = request('callout:Example/x', (r) => r.setHeader('X-Secret', '{!$Credential.Password}'));
        await serviceWith(credential({ allowMergeFieldsInHeader: false })).send(built, transaction(), caller);
        expect(received[0]?.headers.get('x-secret')).toBe('{!$Credential.Password}');
    });

    it('merges the body only when Allow Merge Fields in HTTP Body is on', async () => {
        const body = '{"secret":"{!$Credential.Password}"}';
        const configure = (r: HttpRequest) => {
            r.setMethod('POST');
            r.setBody(body);
        };
        await serviceWith(credential()).send(request('callout:Example/x', configure), transaction(), caller);
        await serviceWith(credential({ allowMergeFieldsInBody: true })).send(
            request('callout:Example/x', configure),
            transaction(),
            caller
        );
        expect(await received[0]?.text()).toBe(body);
        expect(await received[1]?.text()).toBe('{"secret":"s3cr3t"}');
    });

    it('never merges in the URL', async () => {
        await serviceWith(credential()).send(
            request('callout:Example/x?key={!$Credential.UserName}'),
            transaction(),
            caller
        );
        expect(decodeURIComponent(new URL(received[0]?.url ?? '').search)).toBe('?key={!$Credential.UserName}');
    });
});

describe('secrets (rule 3)', () => {
    it('fails closed when the credential has no principal: no request leaves the org', async () => {
        const definition = credential();
        const service = new CalloutService(
            new Map([[definition.name, definition]]),
            createMemoryCredentialStore(),
            (r) => fetch(r)
        );
        await expect(service.send(request('callout:Example/x'), transaction(), caller)).rejects.toBeInstanceOf(
            CalloutException
        );
        expect(received).toHaveLength(0);
    });
});

describe('limits and outcomes (rules 4 and 5)', () => {
    it('keeps a binary body byte for byte in getBodyAsBlob', async () => {
        const response = await serviceWith(credential()).send(request('callout:Example/binary'), transaction(), caller);
        expect([...response.getBodyAsBlob()]).toEqual([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]);
        expect(response.getHeader('content-type')).toBe('application/pdf');
    });

    it('returns 4xx responses instead of throwing', async () => {
        const response = await serviceWith(credential()).send(
            request('callout:Example/missing'),
            transaction(),
            caller
        );
        expect(response.getStatusCode()).toBe(404);
        expect(JSON.parse(response.getBody())).toEqual({ error_code: 'RN006' });
    });

    it('allows 100 callouts per transaction and throws LimitException on the 101st', async () => {
        const service = serviceWith(credential());
        const shared = transaction();
        shared.callouts = 100;
        await expect(service.send(request('callout:Example/x'), shared, caller)).rejects.toThrow(
            new LimitException('Too many callouts: 101')
        );
        expect(received).toHaveLength(0);
    });

    it('throws CalloutException "Read timed out" when the response is slower than the timeout', async () => {
        const built = request('callout:Example/slow', (r) => r.setTimeout(50));
        await expect(serviceWith(credential()).send(built, transaction(), caller)).rejects.toThrow(
            new CalloutException('Read timed out')
        );
    });

    it('rejects a timeout outside 1 to 120,000 ms', async () => {
        const built = request('callout:Example/x', (r) => r.setTimeout(120_001));
        await expect(serviceWith(credential()).send(built, transaction(), caller)).rejects.toThrow(
            /between 1 and 120000/
        );
    });

    it('refuses to call out after uncommitted work in the same transaction', async () => {
        const pending = transaction();
        pending.pendingWork = true;
        await expect(serviceWith(credential()).send(request('callout:Example/x'), pending, caller)).rejects.toThrow(
            'You have uncommitted work pending. Please commit or rollback before calling out'
        );
    });

    it('counts callouts and their cumulative time on the transaction', async () => {
        const shared = transaction();
        const service = serviceWith(credential());
        await service.send(request('callout:Example/x'), shared, caller);
        await service.send(request('callout:Example/x'), shared, caller);
        expect(shared.callouts).toBe(2);
        expect(shared.calloutTimeMs).toBeGreaterThan(0);
    });

    it('stops calling out once the cumulative 120 s are spent', async () => {
        const spent = transaction();
        spent.calloutTimeMs = 120_000;
        await expect(serviceWith(credential()).send(request('callout:Example/x'), spent, caller)).rejects.toThrow(
            'Exceeded maximum time allotted for callout (120000 ms)'
        );
    });

    it('rejects a request body over 6 MB', async () => {
        const built = request('callout:Example/x', (r) => {
            r.setMethod('POST');
            r.setBody('x'.repeat(6_000_001));
        });
        await expect(serviceWith(credential()).send(built, transaction(), caller)).rejects.toThrow(
            'Exceeded max size limit of 6000000 with request size 6000001'
        );
    });
});

describe('External Credential style named credentials (platform.md §1.1; checklist items 3 and 7)', () => {
    const modern = credential({
        name: 'Modern',
        externalCredential: 'Example_Auth',
        externalCredentialPrincipals: ['Example_Auth-Admin', 'Example_Auth-Main']
    });
    const secrets = {
        'Example_Auth-Admin': { username: 'admin-key', password: 'admin-pw' },
        'Example_Auth-Main': { username: 'key-9', password: 'pw-9' }
    };
    const serviceWithExternalSecret = (principals: Record<string, { username: string; password: string }>) =>
        new CalloutService(new Map([[modern.name, modern]]), createMemoryCredentialStore(principals), (built) =>
            fetch(built)
        );
    const basic = (username: string, password: string) =>
        `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

    it('sends the secret of the first principal, by sequence number, the user has access to', async () => {
        const both: CalloutCaller = { canUseExternalCredentialPrincipal: () => true };
        await serviceWithExternalSecret(secrets).send(request('callout:Modern/x'), transaction(), caller);
        await serviceWithExternalSecret(secrets).send(request('callout:Modern/x'), transaction(), both);
        expect(received.map((sent) => sent.headers.get('authorization'))).toEqual([
            basic('key-9', 'pw-9'),
            basic('admin-key', 'admin-pw')
        ]);
    });

    it('fails closed, sending nothing, for a user without External Credential Principal Access', async () => {
        const noAccess: CalloutCaller = { canUseExternalCredentialPrincipal: () => false };
        await expect(
            serviceWithExternalSecret(secrets).send(request('callout:Modern/x'), transaction(), noAccess)
        ).rejects.toThrow(/^We couldn't access the credential\(s\)/);
        expect(received).toHaveLength(0);
    });

    it('fails closed when the principal has no secret yet', async () => {
        await expect(
            serviceWithExternalSecret({}).send(request('callout:Modern/x'), transaction(), caller)
        ).rejects.toBeInstanceOf(CalloutException);
        expect(received).toHaveLength(0);
    });
});
