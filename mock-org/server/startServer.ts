import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { apexClasses, queueableClasses } from '../../force-app/server';
import { QWIL_NAMED_CREDENTIAL } from '../../force-app/server/qwil/qwilTransport';
import { createFileCredentialStore, type CredentialStore } from '../platform/callouts/credentialStore';
import { MockOrg } from '../platform/mockOrg';
import { PROJECT_ROOT } from '../projectRoot';
import { createMockQwil, MOCK_QWIL_ADMIN_ORIGIN, type MockQwil } from '../qwil';
import { createMockOrgApp } from './app';
import { createControlSurfaceListener } from './controlSurface';
import { answerFailure } from './httpErrors';
import { loadOrCreateAdminToken, makeLocalStatePrivate } from './localState';
import { ownHosts } from './requestGuards';
import { createSetupRoutes } from './setup/setupRoutes';
import { createHostRoutingTransport, createMswRequestListener, fixedOrigin, hostInPath } from './mswHttpAdapter';
import { Sessions } from './sessions';

export interface MockOrgServerOptions {
    /** 0 picks a free port. */
    readonly port: number;
    /** Local secrets and mock Qwil state live here (ignored by git). */
    readonly dataDir: string;
    readonly host?: string;
    /** The project whose force-app the org runs and Setup writes to; this repository by default (tests pass a copy). */
    readonly projectRoot?: string;
    /** Create a System API key and store it in the named credential at first start (default); off for a fresh setup walk. */
    readonly provisionConnectorKey?: boolean;
}

export interface RunningMockOrg {
    readonly url: string;
    readonly org: MockOrg;
    readonly qwil: MockQwil;
    close(): Promise<void>;
}

const DEFAULT_USER = 'olivia.hart@harbourwealth.example';
const QWIL_HOSTS = /(^|\.)qwil\.io$/;

/**
 * The named credential's secret is generated here, never committed: on first start a System API
 * key is created in the mock Qwil and its key and secret are written to the local store.
 */
function provisionConnectorKey(qwil: MockQwil, credentials: CredentialStore): void {
    const principal = credentials.get(QWIL_NAMED_CREDENTIAL);
    if (principal && qwil.control.verifySystemApiKey(principal.username, principal.password)) return;
    const { key, secret } = qwil.control.createSystemApiKey({ name: 'Salesforce connector (local mock org)' });
    credentials.set(QWIL_NAMED_CREDENTIAL, { username: key, password: secret });
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(server.address() as AddressInfo));
    });
}

/** Starts the mock org with the embedded mock Qwil, reached by callouts through the named credential only. */
export async function startMockOrgServer({
    port,
    dataDir,
    host = '127.0.0.1',
    projectRoot = PROJECT_ROOT,
    provisionConnectorKey: provision = true
}: MockOrgServerOptions): Promise<RunningMockOrg> {
    makeLocalStatePrivate(dataDir);
    const adminToken = loadOrCreateAdminToken(dataDir);
    const qwil = createMockQwil({ seed: 'demo', persistPath: path.join(dataDir, 'mock-qwil-state.json') });
    const credentials = createFileCredentialStore(path.join(dataDir, 'named-credentials.json'));
    if (provision) provisionConnectorKey(qwil, credentials);

    const server = createServer();
    const address = await listen(server, port, host);
    const url = `http://${host}:${address.port}`;
    const seedDir = path.join(PROJECT_ROOT, 'mock-org', 'seed');
    const transport = createHostRoutingTransport(QWIL_HOSTS, `${url}/__qwil`);
    const org = new MockOrg({
        projectRoot,
        seedDir,
        credentials,
        apexClasses,
        queueables: queueableClasses,
        asyncApexPersistPath: path.join(dataDir, 'async-apex.json'),
        transport
    });
    const app = createMockOrgApp({
        org,
        sessions: new Sessions(org.requireUser(DEFAULT_USER).Id),
        hosts: ownHosts(host, address.port),
        qwilListener: createMswRequestListener(() => qwil.handlers, '/__qwil', hostInPath),
        qwilAdminListener: createControlSurfaceListener({
            org,
            adminToken,
            forward: createMswRequestListener(
                () => qwil.adminHandlers,
                '/__mock-qwil-admin',
                fixedOrigin(`${MOCK_QWIL_ADMIN_ORIGIN}/__admin`)
            )
        }),
        setupListener: createSetupRoutes({
            org,
            packageDir: path.join(projectRoot, 'force-app', 'main', 'default'),
            seedDir,
            credentials,
            transport,
            qwil: qwil.control
        })
    });
    server.on('request', (request, response) => {
        app(request, response).catch((error: unknown) => answerFailure(request, response, error));
    });
    return {
        url,
        org,
        qwil,
        close: () => {
            org.asyncApex.stop();
            return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
        }
    };
}
