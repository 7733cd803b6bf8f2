import { rmSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, rawRequest, useSecurityServer } from './securityServer';

// A real server failure is logged for the developer, but the request's own data is never the
// log's format string (a URL with `%s` or `%o` cannot reshape the log line), and the answer has no stack trace.
const context = useSecurityServer();

describe('the server log', () => {
    it('request data is never used as the log’s format string, and a failure’s answer has no stack trace', async () => {
        const { server, projectRoot, sessionAs } = context();
        const admin = await sessionAs(ADMIN);
        // The Setup form reads each field's help text from source at request time: a file gone makes the page fail.
        rmSync(
            path.join(
                projectRoot,
                'force-app',
                'main',
                'default',
                'objects',
                'Qwil_Messenger__mdt',
                'fields',
                'Qwil_Region__c.field-meta.xml'
            )
        );
        const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
        try {
            const target = '/setup/custom-metadata/Qwil_Messenger/new?%s%o%c';
            const response = await rawRequest(server.url, 'GET', target, { cookie: admin.cookie });
            expect(response.status).toBe(500);
            expect(response.body).not.toMatch(/\n\s+at /);
            expect(consoleError).toHaveBeenCalledTimes(1);
            const [format, ...values] = consoleError.mock.calls[0] ?? [];
            expect(format).toBe('%s %s failed:');
            expect(values.slice(0, 2)).toEqual(['GET', target]);
        } finally {
            consoleError.mockRestore();
        }
    });
});
