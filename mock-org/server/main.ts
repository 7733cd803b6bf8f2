import path from 'node:path';
import { PROJECT_ROOT } from '../projectRoot';
import { startMockOrgServer } from './startServer';

async function main(): Promise<void> {
    const port = Number(process.env['PORT'] ?? 3000);
    const running = await startMockOrgServer({
        port,
        dataDir: path.join(PROJECT_ROOT, '.local'),
        host: process.env['HOST'] ?? '127.0.0.1'
    });
    const eleanor = running.org.records.all('Contact').find((contact) => contact['LastName'] === 'Whitfield');
    console.log(`Mock org running at ${running.url}`);
    console.log(`  Contacts:         ${running.url}/lightning/o/Contact/list`);
    if (eleanor)
        console.log(
            `  A client record:  ${running.url}/lightning/r/Contact/${eleanor.Id}/view (open the Qwil Messenger tab)`
        );
    console.log('  "Log in as" in the header switches between the seeded users. Ctrl+C stops the server.');
    console.log(
        '  Scripts reach the mock Qwil admin API with the token in .local/mock-qwil-admin-token (see README, Security).'
    );
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
