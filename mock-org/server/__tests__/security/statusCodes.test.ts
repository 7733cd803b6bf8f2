import { rawRequest, STAFF, useSecurityServer } from './securityServer';

// Client errors are answered with a 4xx that says what was wrong, and never logged as server failures.
const context = useSecurityServer();
const CLASS = 'QwilConnectorController';
let consoleError: jest.SpiedFunction<typeof console.error>;

beforeEach(() => {
    consoleError = jest.spyOn(console, 'error');
});
afterEach(() => {
    // Client errors never reach the server log (no stack traces for a bad request).
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
});

const callApex = async (pathName: string, body: string) => (await context().sessionAs(STAFF)).post(pathName, body);

describe('status codes', () => {
    it.each(['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'])(
        'an inherited property name (%s) is not a server method: 404',
        async (methodName) => {
            const response = await callApex(`/apex/${CLASS}/${methodName}`, '{}');
            expect(response.status).toBe(404);
            expect(await response.json()).toEqual({
                message: `Unable to find action '${methodName}' on the controller of ${CLASS}`
            });
        }
    );

    it('a server-method body over 1 MB is 413, not 500', async () => {
        const response = await callApex(`/apex/${CLASS}/loadTab`, JSON.stringify({ recordId: 'x'.repeat(1_100_000) }));
        expect(response.status).toBe(413);
    });

    it('an oversized Setup form is 413, not 500', async () => {
        const admin = await context().sessionAs('sofia.reyes@harbourwealth.example');
        const response = await admin.postForm('/setup/qwil-admin/system-api-keys', { name: 'x'.repeat(200_000) });
        expect(response.status).toBe(413);
    });

    it('a malformed address (a bad percent-escape, a target that is not a path) is 400, not 500 with a stack trace', async () => {
        const { server } = context();
        for (const pathName of ['/assets/%', '/preview/%E0%A4%A', '/lightning/r/Contact/%zz/view', '*']) {
            const response = await rawRequest(server.url, 'GET', pathName, {});
            expect(response.status).toBe(400);
            expect(response.body).not.toMatch(/at \w+ \(/);
        }
    });

    it('a request for a host name that is not the server’s is 400 (DNS rebinding)', async () => {
        const { server } = context();
        const response = await rawRequest(server.url, 'GET', '/lightning/o/Contact/list', { host: 'rebound.example' });
        expect(response.status).toBe(400);
        expect(response.body).not.toContain('Contacts');
    });
});
