import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../mock-org/projectRoot';
import { startMockOrgServer, type RunningMockOrg } from '../../../mock-org/server/startServer';

// Setup from the command line (issue #8, item 6): the secret reaches the credential store, never the output.
const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const CREDENTIAL = 'Qwil_Messenger_Salesforce_Connector';
let dataDir: string;

beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'setup-commands-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs a command without blocking this process, which may be serving the dev server the command calls. */
function run(script: string, args: string[], input = ''): Promise<{ status: number | null; output: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(TSX, [path.join(PROJECT_ROOT, 'scripts', 'setup', script), ...args], { cwd: PROJECT_ROOT });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        child.on('error', reject);
        child.on('close', (status) => resolve({ status, output }));
        child.stdin.end(input);
    });
}

const storeFile = () => path.join(dataDir, 'named-credentials.json');

describe('setup:credential', () => {
    it('stores the key and the secret read from standard input, and never prints the secret', async () => {
        const { status, output } = await run(
            'writeCredential.ts',
            ['--username', 'sys_key', '--data-dir', dataDir],
            'the-secret\n'
        );
        expect(status).toBe(0);
        expect(output).not.toContain('the-secret');
        expect(JSON.parse(readFileSync(storeFile(), 'utf8'))).toEqual({
            [CREDENTIAL]: { username: 'sys_key', password: 'the-secret' }
        });
    });

    it('writes nothing without a username, saying what is missing', async () => {
        const { status, output } = await run('writeCredential.ts', ['--data-dir', dataDir], 'the-secret\n');
        expect(status).toBe(1);
        expect(output).toContain('Username is required');
        expect(existsSync(storeFile())).toBe(false);
    });
});

describe('setup:key', () => {
    let server: RunningMockOrg;
    let serverData: string;

    beforeAll(async () => {
        serverData = mkdtempSync(path.join(tmpdir(), 'setup-key-server-'));
        server = await startMockOrgServer({ port: 0, dataDir: serverData, provisionConnectorKey: false });
    });
    afterAll(async () => {
        await server.close();
        rmSync(serverData, { recursive: true, force: true });
    });

    it('creates the guide’s key on the dev server’s mock Qwil and, with --store, keeps the secret off the screen', async () => {
        // The server's own data directory, as in use (.local): the admin token is there, and the credential store the server reads.
        const { status, output } = await run('createKey.ts', [
            '--name',
            'Salesforce connector',
            '--cidr',
            '13.108.0.0/14',
            '--server',
            server.url,
            '--store',
            '--data-dir',
            serverData
        ]);
        expect(status).toBe(0);
        const { username, password } = JSON.parse(
            readFileSync(path.join(serverData, 'named-credentials.json'), 'utf8')
        )[CREDENTIAL];
        expect(output).toContain(username);
        expect(output).not.toContain(password);
        expect(server.qwil.control.verifySystemApiKey(username, password)).toBe(true);
        expect(server.qwil.control.snapshot().apiKeys[0]).toMatchObject({
            cidrBlocks: ['13.108.0.0/14'],
            canExportData: false,
            canReadOnly: true,
            canWriteOnly: true,
            canDataReview: true
        });
    });

    it('refuses a bad CIDR block before calling the server', async () => {
        const before = server.qwil.control.snapshot().apiKeys.length;
        const { status, output } = await run('createKey.ts', [
            '--name',
            'Bad',
            '--cidr',
            '10.0.0.0/33',
            '--server',
            server.url
        ]);
        expect(status).toBe(1);
        expect(output).toContain('"10.0.0.0/33" is not a CIDR block');
        expect(server.qwil.control.snapshot().apiKeys).toHaveLength(before);
    });
});

describe('setup:metadata', () => {
    it('refuses invalid settings, naming each field, and writes nothing', async () => {
        const record = path.join(
            PROJECT_ROOT,
            'force-app',
            'main',
            'default',
            'customMetadata',
            'Qwil_Messenger.Qwil.md-meta.xml'
        );
        const before = readFileSync(record, 'utf8');
        const { status, output } = await run('writeSettings.ts', [
            '--region',
            'EU',
            '--staff-id-field',
            'Email__c',
            '--client-email-field',
            'Email'
        ]);
        expect(status).toBe(1);
        expect(output).toContain('Qwil Region must be a region name');
        expect(output).toContain('Staff ID Field API Name names Email__c, which does not exist on User.');
        expect(output).toContain('Client First Name Field API Name is required.');
        expect(readFileSync(record, 'utf8')).toBe(before);
    });
});
