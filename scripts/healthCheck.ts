// `npm run health`: the connector's health check against the local mock org, its named credential
// store and a copy of the dev server's mock Qwil state (a running dev server is not disturbed).
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setupServer } from 'msw/node';
import { apexClasses } from '../force-app/server';
import { createFileCredentialStore } from '../mock-org/platform/callouts/credentialStore';
import { MockOrg } from '../mock-org/platform/mockOrg';
import { PROJECT_ROOT } from '../mock-org/projectRoot';
import { createMockQwil } from '../mock-org/qwil';
import { formatHealthReport } from '../mock-org/server/setup/health/formatReport';
import { runHealthCheck } from '../mock-org/server/setup/health/runHealthCheck';

const USAGE = `Usage: npm run health -- [--data-dir <dir>] [--as <username>]
  --data-dir  the dev server's data directory (default: .local)
  --as        the administrator running the check (default: sofia.reyes@harbourwealth.example)`;

async function main(): Promise<number> {
    const { values } = parseArgs({
        options: { 'data-dir': { type: 'string' }, as: { type: 'string' }, help: { type: 'boolean' } }
    });
    if (values.help) {
        console.log(USAGE);
        return 0;
    }
    const dataDir = path.resolve(values['data-dir'] ?? path.join(PROJECT_ROOT, '.local'));
    const stateFile = path.join(dataDir, 'mock-qwil-state.json');
    const scratch = mkdtempSync(path.join(tmpdir(), 'qwil-health-'));
    try {
        if (existsSync(stateFile)) copyFileSync(stateFile, path.join(scratch, 'mock-qwil-state.json'));
        const qwil = createMockQwil({ persistPath: path.join(scratch, 'mock-qwil-state.json') });
        const credentials = createFileCredentialStore(path.join(dataDir, 'named-credentials.json'));
        const seedDir = path.join(PROJECT_ROOT, 'mock-org', 'seed');
        const org = new MockOrg({ projectRoot: PROJECT_ROOT, seedDir, credentials, apexClasses });
        const admin = org.findUser(values.as ?? 'sofia.reyes@harbourwealth.example');
        if (!admin || !org.accessOf(admin.Id).hasUserPermission('CustomizeApplication')) {
            console.error(
                `${values.as ?? 'The default user'} is not an administrator with Customize Application.\n${USAGE}`
            );
            return 2;
        }
        const qwilServer = setupServer(...qwil.handlers);
        qwilServer.listen({ onUnhandledRequest: 'error' });
        try {
            const results = await runHealthCheck({
                org,
                packageDir: path.join(PROJECT_ROOT, 'force-app', 'main', 'default'),
                seedDir,
                credentials,
                transport: (request) => fetch(request),
                qwil: qwil.control,
                adminUserId: admin.Id
            });
            console.log(formatHealthReport(results));
            return results.some((result) => result.status === 'fail') ? 1 : 0;
        } finally {
            qwilServer.close();
        }
    } finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(2);
    }
);
