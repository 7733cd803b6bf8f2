// One dev server per security test file, on a free port, with its own data directory and its own
// copy of the package (Setup writes metadata there), and a raw HTTP client that sends any headers
// (fetch forbids setting Host, Origin and Sec-Fetch-Site), as a page on another origin would.
import { afterAll, beforeAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DevServerSession } from '../../../testing/devServerSession';
import { projectWithPackageMetadata } from '../../../testing/packageCopy';
import { startMockOrgServer, type RunningMockOrg } from '../../startServer';

export const ADMIN = 'sofia.reyes@harbourwealth.example';
export const STAFF = 'olivia.hart@harbourwealth.example';

export interface SecurityServer {
    readonly server: RunningMockOrg;
    readonly dataDir: string;
    readonly projectRoot: string;
    /** A browser session logged in as the user. */
    sessionAs(username: string): Promise<DevServerSession>;
}

export function useSecurityServer(): () => SecurityServer {
    let started: SecurityServer | undefined;
    beforeAll(async () => {
        const projectRoot = projectWithPackageMetadata('security-project-');
        const dataDir = mkdtempSync(path.join(tmpdir(), 'security-data-'));
        const server = await startMockOrgServer({ port: 0, dataDir, projectRoot });
        started = {
            server,
            dataDir,
            projectRoot,
            sessionAs: (username) => DevServerSession.open(server.url, server.org.requireUser(username).Id)
        };
    });
    afterAll(async () => {
        await started?.server.close();
        if (started)
            for (const dir of [started.dataDir, started.projectRoot]) rmSync(dir, { recursive: true, force: true });
    });
    return () => {
        if (!started) throw new Error('The server starts in beforeAll');
        return started;
    };
}

export interface RawResponse {
    readonly status: number;
    readonly headers: IncomingHttpHeaders;
    readonly body: string;
}

/** One request with exactly these headers (Host defaults to the server's own). */
export function rawRequest(
    baseUrl: string,
    method: string,
    pathName: string,
    headers: Record<string, string>,
    body?: string | Buffer
): Promise<RawResponse> {
    const url = new URL(baseUrl);
    return new Promise((resolve, reject) => {
        const outgoing = httpRequest(
            { host: url.hostname, port: url.port, method, path: pathName, headers: { host: url.host, ...headers } },
            (response) => {
                const chunks: Buffer[] = [];
                response.on('data', (chunk: Buffer) => chunks.push(chunk));
                response.on('end', () =>
                    resolve({
                        status: response.statusCode ?? 0,
                        headers: response.headers,
                        body: Buffer.concat(chunks).toString('utf8')
                    })
                );
            }
        );
        // The server may close the connection before reading a refused body.
        outgoing.on('error', (error: NodeJS.ErrnoException) =>
            error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)
        );
        outgoing.end(body);
    });
}

/** The headers Chromium sends with a request from a page on another port of localhost. */
export function fromOtherOrigin(baseUrl: string): Record<string, string> {
    const url = new URL(baseUrl);
    return { origin: `http://${url.hostname}:${Number(url.port) + 1}`, 'sec-fetch-site': 'same-site' };
}
