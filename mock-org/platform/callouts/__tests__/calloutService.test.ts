import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { CalloutException, HttpRequest } from '../../../../force-app/server/platform/http';
import { LimitException } from '../../apex/limits';
import { Transaction } from '../../apex/transaction';
import type { NamedCredentialDefinition } from '../../metadata/namedCredentials';
import { CalloutService } from '../calloutService';
import { createMemoryCredentialStore } from '../credentialStore';

// Rules from platform.md §1.2–1.4 and §2 (checklist items 1–5).
const received: Request[] = [];
const server = setupServer(
    http.all('https://api.example.test/*', async ({ request }) => {
        received.push(request.clone());
        if (new URL(request.url).pathname === '/slow') await delay(200);
        if (new URL(request.url).pathname === '/missing') return HttpResponse.json({ error_code: 'RN006' }, { status: 404 });
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
    ...overrides
});

function serviceWith(definition: NamedCredentialDefinition, principal = { username: 'key-123', password: 's3cr3t' }) {
    const credentials = new Map([[definition.name, definition]]);
    return new CalloutService(credentials, createMemoryCredentialStore(principal ? { [definition.name]: principal } : {}), (request) => fetch(request));
}

function request(endpoint: string, configure: (request: HttpRequest) => void = () => undefined): HttpRequest {
    const built = new HttpRequest();
    built.setEndpoint(endpoint);
    configure(built);
    return built;
}

const transaction = () => new Transaction('005Qw0000000002IAA', false);

describe('callout: URLs (rule 1)', () => {
    it('replaces callout:<Name> by the endpoint and appends the path and query', async () => {
        await serviceWith(credential()).send(request('callout:Example/v1/items?q=a%20b'), transaction());
        expect(received[0]?.url).toBe('https://api.example.test/v1/items?q=a%20b');
    });

    it('refuses an unknown named credential without sending anything', async () => {
        await expect(serviceWith(credential()).send(request('callout:Nope/x'), transaction())).rejects.toThrow(/named credential "Nope"/);
        expect(received).toHaveLength(0);
    });

    it('refuses a raw URL that no remote site allows', async () => {
        await expect(serviceWith(credential()).send(request('https://api.example.test/x'), transaction())).rejects.toThrow(
            'Unauthorized endpoint, please check Setup->Security->Remote site settings. endpoint = https://api.example.test/x'
        );
    });
});

describe('authorization header and merge fields (rule 2)', () => {
    it('generates Basic base64(username:password) when Generate Authorization Header is on', async () => {
        await serviceWith(credential()).send(request('callout:Example/x'), transaction());
        expect(received[0]?.headers.get('authorization')).toBe(`Basic ${Buffer.from('key-123:s3cr3t').toString('base64')}`);
    });

    it('sends no Authorization header when the option is off', async () => {
        await serviceWith(credential({ generateAuthorizationHeader: false })).send(request('callout:Example/x'), transaction());
        expect(received[0]?.headers.has('authorization')).toBe(false);
    });

    it('replaces merge fields in headers when Allow Merge Fields in HTTP Header is on, in either spelling', async () => {
        const built = request('callout:Example/x', (r) => {
            r.setHeader('X-Key', '{!$Credential.UserName}');
            r.setHeader('X-Secret', '{!$Credential.Password}');
            r.setHeader('X-Key-Canonical', '{!$Credential.Username}');
        });
        await serviceWith(credential()).send(built, transaction());
        expect(received[0]?.headers.get('x-key')).toBe('key-123');
        expect(received[0]?.headers.get('x-secret')).toBe('s3cr3t');
        expect(received[0]?.headers.get('x-key-canonical')).toBe('key-123');
        expect(built.getHeader('X-Secret')).toBe('{!$Credential.Password}');
    });

    it('sends header tokens literally when header merging is off', async () => {
        const built = request('callout:Example/x', (r) => r.setHeader('X-Secret', '{!$Credential.Password}'));
        await serviceWith(credential({ allowMergeFieldsInHeader: false })).send(built, transaction());
        expect(received[0]?.headers.get('x-secret')).toBe('{!$Credential.Password}');
    });

    it('merges the body only when Allow Merge Fields in HTTP Body is on', async () => {
        const body = '{"secret":"{!$Credential.Password}"}';
        const configure = (r: HttpRequest) => {
            r.setMethod('POST');
            r.setBody(body);
        };
        await serviceWith(credential()).send(request('callout:Example/x', configure), transaction());
        await serviceWith(credential({ allowMergeFieldsInBody: true })).send(request('callout:Example/x', configure), transaction());
        expect(await received[0]?.text()).toBe(body);
        expect(await received[1]?.text()).toBe('{"secret":"s3cr3t"}');
    });

    it('never merges in the URL', async () => {
        await serviceWith(credential()).send(request('callout:Example/x?key={!$Credential.UserName}'), transaction());
        expect(decodeURIComponent(new URL(received[0]?.url ?? '').search)).toBe('?key={!$Credential.UserName}');
    });
});

describe('secrets (rule 3)', () => {
    it('fails closed when the credential has no principal: no request leaves the org', async () => {
        const definition = credential();
        const service = new CalloutService(new Map([[definition.name, definition]]), createMemoryCredentialStore(), (r) => fetch(r));
        await expect(service.send(request('callout:Example/x'), transaction())).rejects.toBeInstanceOf(CalloutException);
        expect(received).toHaveLength(0);
    });
});

describe('limits and outcomes (rules 4 and 5)', () => {
    it('returns 4xx responses instead of throwing', async () => {
        const response = await serviceWith(credential()).send(request('callout:Example/missing'), transaction());
        expect(response.getStatusCode()).toBe(404);
        expect(JSON.parse(response.getBody())).toEqual({ error_code: 'RN006' });
    });

    it('allows 100 callouts per transaction and throws LimitException on the 101st', async () => {
        const service = serviceWith(credential());
        const shared = transaction();
        shared.callouts = 100;
        await expect(service.send(request('callout:Example/x'), shared)).rejects.toThrow(new LimitException('Too many callouts: 101'));
        expect(received).toHaveLength(0);
    });

    it('throws CalloutException "Read timed out" when the response is slower than the timeout', async () => {
        const built = request('callout:Example/slow', (r) => r.setTimeout(50));
        await expect(serviceWith(credential()).send(built, transaction())).rejects.toThrow(new CalloutException('Read timed out'));
    });

    it('rejects a timeout outside 1 to 120,000 ms', async () => {
        const built = request('callout:Example/x', (r) => r.setTimeout(120_001));
        await expect(serviceWith(credential()).send(built, transaction())).rejects.toThrow(/between 1 and 120000/);
    });

    it('refuses to call out after uncommitted work in the same transaction', async () => {
        const pending = transaction();
        pending.pendingWork = true;
        await expect(serviceWith(credential()).send(request('callout:Example/x'), pending)).rejects.toThrow(
            'You have uncommitted work pending. Please commit or rollback before calling out'
        );
    });

    it('counts callouts and their cumulative time on the transaction', async () => {
        const shared = transaction();
        const service = serviceWith(credential());
        await service.send(request('callout:Example/x'), shared);
        await service.send(request('callout:Example/x'), shared);
        expect(shared.callouts).toBe(2);
        expect(shared.calloutTimeMs).toBeGreaterThan(0);
    });

    it('stops calling out once the cumulative 120 s are spent', async () => {
        const spent = transaction();
        spent.calloutTimeMs = 120_000;
        await expect(serviceWith(credential()).send(request('callout:Example/x'), spent)).rejects.toThrow('Exceeded maximum time allotted for callout (120000 ms)');
    });

    it('rejects a request body over 6 MB', async () => {
        const built = request('callout:Example/x', (r) => {
            r.setMethod('POST');
            r.setBody('x'.repeat(6_000_001));
        });
        await expect(serviceWith(credential()).send(built, transaction())).rejects.toThrow('Exceeded max size limit of 6000000 with request size 6000001');
    });
});
