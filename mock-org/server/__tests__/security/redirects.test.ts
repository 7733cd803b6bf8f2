import { STAFF, useSecurityServer } from './securityServer';

// "Log in as" comes back to the page it was sent from, and never to another site.
const context = useSecurityServer();
const SAFE_DEFAULT = '/lightning/o/Contact/list';

async function redirectAfterLogIn(returnTo: string): Promise<string | null> {
    const { server, sessionAs } = context();
    const session = await sessionAs(STAFF);
    const response = await session.postForm('/login-as', { userId: server.org.requireUser(STAFF).Id, returnTo });
    expect(response.status).toBe(303);
    return response.headers.get('location');
}

describe('redirects after "log in as"', () => {
    it.each([
        ['a backslash that browsers read as a slash', '/\\evil.example/'],
        ['a slash and a backslash', '/\\/evil.example/'],
        ['a tab that browsers strip', '/\t/evil.example/'],
        ['a newline that browsers strip', '/\n/evil.example/'],
        ['a percent-escaped slash', '/%2F/evil.example/'],
        ['a percent-escaped backslash', '/%5Cevil.example/'],
        ['a percent-escaped tab', '/%09/evil.example/'],
        ['a malformed percent-escape', '/%E0%A4%A'],
        ['a dot segment that leaves a protocol-relative path', '/.//evil.example/'],
        ['a parent segment that leaves a protocol-relative path', '/..//evil.example/'],
        ['a percent-escaped dot segment', '/%2E//evil.example/']
    ])('never sends the browser to another site through %s', async (_name, returnTo) => {
        expect(await redirectAfterLogIn(returnTo)).toBe(SAFE_DEFAULT);
    });
});
