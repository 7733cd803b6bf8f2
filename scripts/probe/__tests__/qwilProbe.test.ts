import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../mock-org/projectRoot';
import { startMockOrgServer, type RunningMockOrg } from '../../../mock-org/server/startServer';
import { standInFixture, type StandInFixture } from '../../../mock-org/testing/independentQwil/fixture';
import { startIndependentQwil, type RunningStandIn } from '../../../mock-org/testing/independentQwil/independentQwil';
import { QWIL_CALLS } from '../../../force-app/server/qwil/qwilCalls';
import { credentialsFromStore } from '../probeArgs';
import {
    formatProbeReport,
    probePassed,
    runQwilProbe,
    type ProbeCredentials,
    type ProbeResult,
    type Verdict
} from '../qwilProbe';

// The probe an administrator runs before going live (issue 15, item 6): read-only calls, each one
// reported with its status, whether the connector can read it, and what it says about our assumptions.
const OLIVIA = 'olivia.hart@harbourwealth.example';
const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

/** Every read the connector declares, but the attachments export, which would download a whole chat's files. */
const DECLARED_READS = Object.entries(QWIL_CALLS)
    .filter(([name, call]) => call.method === 'GET' && name !== 'exportChatZip')
    .map(([name]) => name)
    .sort();

const callsOf = (results: readonly ProbeResult[]) => [...new Set(results.map((result) => result.call))].sort();

function verdictOn(results: readonly ProbeResult[], path: string, assumption: string): Verdict | undefined {
    return results
        .find((result) => result.path.split('?')[0] === path)
        ?.findings.find((f) => f.assumption === assumption)?.verdict;
}

describe('against the dev server (the mock Qwil over HTTP)', () => {
    let server: RunningMockOrg;
    let dataDir: string;
    let credentials: ProbeCredentials;
    let baseUrl: string;
    let results: ProbeResult[];

    beforeAll(async () => {
        dataDir = mkdtempSync(path.join(tmpdir(), 'qwil-probe-'));
        server = await startMockOrgServer({ port: 0, dataDir });
        credentials = credentialsFromStore(path.join(dataDir, 'named-credentials.json')).system;
        baseUrl = `${server.url}/__qwil/eu.qwil.io`;
        results = await runQwilProbe({ baseUrl, credentials, staffEmail: OLIVIA });
    });
    afterAll(async () => {
        await server.close();
        rmSync(dataDir, { recursive: true, force: true });
    });

    it('makes each read the connector declares, and only GET requests', () => {
        expect(callsOf(results)).toEqual(DECLARED_READS);
        expect(results.every((result) => result.method === 'GET')).toBe(true);
        expect(results.every((result) => result.status !== 0)).toBe(true);
    });

    it('finds every answer readable and every assumption confirmed: the mock answers as the connector expects', () => {
        expect(results.filter((result) => !result.parses.ok)).toEqual([]);
        expect(results.flatMap((result) => result.findings).filter((f) => f.verdict !== 'confirms')).toEqual([]);
        expect(probePassed(results)).toBe(true);
    });

    it('never prints the secret, even where it would appear', () => {
        expect(formatProbeReport(baseUrl, results, [credentials.secret])).not.toContain(credentials.secret);
        expect(formatProbeReport(`${baseUrl}/${credentials.secret}`, results, [credentials.secret])).not.toContain(
            credentials.secret
        );
    });
});

describe('against the independent stand-in (Qwil as its guides and samples describe it)', () => {
    let standIn: RunningStandIn;
    let fixture: StandInFixture;
    let results: ProbeResult[];

    beforeAll(async () => {
        fixture = standInFixture({ clientRecordId: '003000000000001AAA', acceptSystemKeyOnChatService: false });
        standIn = await startIndependentQwil(fixture.data);
        results = await runQwilProbe({ baseUrl: standIn.url, credentials: fixture.data.systemKey, staffEmail: OLIVIA });
    });
    afterAll(() => standIn.close());

    it('reaches it over the socket with the same reads, and sends it nothing but GET', () => {
        // No group is listed, so no group's members are asked for.
        expect(callsOf(results)).toEqual(DECLARED_READS.filter((call) => call !== 'groupMembers'));
        expect(standIn.requests.every((request) => request.startsWith('GET '))).toBe(true);
        expect(standIn.requests).toHaveLength(results.length);
    });

    it('refutes what Qwil does not document: System key on chat-service, paging, tenancy role and status, the export codes', () => {
        expect(
            verdictOn(
                results,
                '/chat-service/api/chats',
                'the System API key on chat-service (with on-behalf-of) is accepted'
            )
        ).toBe('refutes');
        expect(
            verdictOn(
                results,
                '/entity-service/sys-api/chats/list',
                'lists page with next_cursor (without it the connector reads the first page only)'
            )
        ).toBe('refutes');
        expect(
            verdictOn(
                results,
                '/entity-service/sys-api/sdk/entity-memberships',
                'tenancy users carry role as system_admin | user_admin | staff | client (without it the connector looks the membership up)'
            )
        ).toBe('refutes');
        expect(verdictOn(results, '/entity-service/sys-api/groups/list', 'groups/list exists')).toBe('refutes');
        expect(
            verdictOn(
                results,
                '/entity-service/sys-api/chats/export/pdf',
                'a transcript export without chat_uuid answers QX001 (export allowed) or QX010 (not allowed)'
            )
        ).toBe('refutes');
        expect(probePassed(results)).toBe(false);
    });

    it('confirms what Qwil documents: the System key on the System API, RN006 for no one found', () => {
        expect(verdictOn(results, '/entity-service/sys-api/entity-memberships', 'the System API key is accepted')).toBe(
            'confirms'
        );
        expect(
            verdictOn(results, '/entity-service/sys-api/entity-memberships', 'a lookup that finds no one answers RN006')
        ).toBe('confirms');
    });

    it("reads Qwil's error body with only error_code (holds once the connector's schemas are tolerant)", () => {
        expect(
            verdictOn(
                results,
                '/entity-service/sys-api/entity-memberships',
                'an error answer parses with the connector error schema'
            )
        ).toBe('confirms');
    });

    it('as a command: key and secret on standard input, the report on standard output, never the secret', async () => {
        const { key, secret } = fixture.data.systemKey;
        const { status, stdout, stderr } = await runCli(
            ['--url', standIn.url, '--email', OLIVIA],
            `${key}\n${secret}\n`
        );
        expect(stderr).toBe('');
        expect(status).toBe(1);
        expect(stdout).toContain('GET /entity-service/sys-api/chats/list?entity_user_xref_uuid=');
        expect(stdout).toContain('refutes     the System API key on chat-service (with on-behalf-of) is accepted');
        expect(stdout).not.toContain(secret);
    });

    it("as a command: a Master User key on lines three and four is used on chat-service, Qwil's documented scheme", async () => {
        const { systemKey, masterKey } = fixture.data;
        const input = [systemKey.key, systemKey.secret, masterKey?.key, masterKey?.secret].join('\n');
        const { stdout, stderr } = await runCli(['--url', standIn.url, '--email', OLIVIA], input);
        expect(stderr).toBe('');
        expect(stdout).toContain('GET /chat-service/api/chats/messages/range?chat_uuid=');
        expect(stdout).toContain('confirms    the Master User API key on chat-service (with on-behalf-of) is accepted');
        expect(stdout).not.toContain('refutes     the Master User API key');
        expect(stdout).not.toContain(masterKey?.secret);
        expect(stdout).not.toContain(systemKey.secret);
    });

    it('as a command: a wrong command line exits 2 with the reason and the usage, calling no one', async () => {
        const before = standIn.requests.length;
        const { status, stderr } = await runCli(
            ['--url', standIn.url.replace('127.0.0.1', 'example.com')],
            'key\nsecret\n'
        );
        expect(status).toBe(2);
        expect(stderr).toContain('--url must be https (http only to this machine)');
        expect(stderr).toContain('Usage: npm run probe:qwil');
        expect(standIn.requests).toHaveLength(before);
    });
});

function runCli(args: string[], input: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(TSX, [path.join(PROJECT_ROOT, 'scripts', 'probe', 'cli.ts'), ...args], {
            cwd: PROJECT_ROOT
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        child.on('error', reject);
        child.on('close', (status) => resolve({ status, stdout, stderr }));
        child.stdin.end(input);
    });
}
