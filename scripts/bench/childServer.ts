import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { readAdminToken } from '../../mock-org/server/localState';
import { READY_PREFIX, type DevServerReady } from './benchServerReady';

const SERVER_SCRIPT = path.join(__dirname, 'benchServer.ts');
const START_TIMEOUT_MS = 60_000;

export interface ChildServer<Ready> {
    readonly ready: Ready;
    stop(): Promise<void>;
}

/** Starts benchServer.ts with these arguments and waits for its ready line. */
async function startChild<Ready>(args: readonly string[]): Promise<ChildServer<Ready>> {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SERVER_SCRIPT, ...args], {
        stdio: ['ignore', 'pipe', 'inherit']
    });
    const stop = () =>
        new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
        });
    try {
        const ready = await new Promise<Ready>((resolve, reject) => {
            const timer = setTimeout(
                () =>
                    reject(
                        new Error(
                            `The benchmark server (${args.join(' ')}) did not start within ${START_TIMEOUT_MS / 1000} s`
                        )
                    ),
                START_TIMEOUT_MS
            );
            child.once('exit', (code) =>
                reject(new Error(`The benchmark server (${args.join(' ')}) exited with ${code} before it was ready`))
            );
            createInterface({ input: child.stdout! }).on('line', (line) => {
                if (!line.startsWith(READY_PREFIX)) return;
                clearTimeout(timer);
                resolve(JSON.parse(line.slice(READY_PREFIX.length)) as Ready);
            });
        });
        return { ready, stop };
    } catch (error) {
        await stop();
        throw error;
    }
}

export interface DevServer extends ChildServer<DevServerReady> {
    /** Calls the dev server's mock Qwil control surface with the local admin token. */
    control(pathName: string, body: unknown): Promise<void>;
}

/** The dev server on 127.0.0.1:<port> with a fresh data directory (the demo seed, default rate limit). */
export async function startDevServer(port: number): Promise<DevServer> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'qwil-bench-'));
    const server = await startChild<DevServerReady>(['dev', String(port), dataDir]).catch((error: unknown) => {
        rmSync(dataDir, { recursive: true, force: true });
        throw error;
    });
    const adminToken = readAdminToken(dataDir);
    return {
        ready: server.ready,
        async stop() {
            await server.stop();
            rmSync(dataDir, { recursive: true, force: true });
        },
        async control(pathName, body) {
            const response = await fetch(`${server.ready.url}/__mock-qwil-admin/${pathName}`, {
                method: 'POST',
                headers: { authorization: `Bearer ${adminToken ?? ''}`, 'content-type': 'application/json' },
                body: JSON.stringify(body)
            });
            if (!response.ok)
                throw new Error(
                    `The mock Qwil control surface refused ${pathName}: ${response.status} ${await response.text()}`
                );
        }
    };
}

export function startBareServer(port: number): Promise<ChildServer<{ url: string }>> {
    return startChild<{ url: string }>(['bare', String(port)]);
}
