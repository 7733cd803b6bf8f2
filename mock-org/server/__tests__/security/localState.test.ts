import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO } from '../../../qwil';
import { startMockOrgServer } from '../../startServer';

// The local state holds the named credential's secret, the mock Qwil's key hashes and the admin
// token: other users of the machine must not read any of it.
describe('the local state directory', () => {
    it('the local state and credential files are readable by their owner only, also after a change and over an older file', async () => {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'security-local-'));
        const older = path.join(dataDir, 'named-credentials.json');
        writeFileSync(older, '{}\n');
        chmodSync(older, 0o644);
        chmodSync(dataDir, 0o755);
        const server = await startMockOrgServer({ port: 0, dataDir });
        try {
            // A change rewrites the mock Qwil state file.
            server.qwil.control.acceptInvitation(DEMO.clients.marcusBennett);
            expect(statSync(dataDir).mode & 0o777).toBe(0o700);
            const files = readdirSync(dataDir);
            expect(files).toEqual(
                expect.arrayContaining(['named-credentials.json', 'mock-qwil-state.json', 'mock-qwil-admin-token'])
            );
            for (const file of files)
                expect([file, statSync(path.join(dataDir, file)).mode & 0o777]).toEqual([file, 0o600]);
        } finally {
            await server.close();
            rmSync(dataDir, { recursive: true, force: true });
        }
    });
});
