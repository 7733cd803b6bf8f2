// A server the benchmarks start as a child process, so that the load they generate and the
// browser they drive do not share the server's event loop. Prints its ready line (benchServerReady.ts).
//   dev <port> <dataDir>: the dev server (mock org with the embedded mock Qwil) on 127.0.0.1
//   bare <port>: a bare node:http server that reads the request body and answers a small JSON
import { createServer } from 'node:http';
import { startMockOrgServer } from '../../mock-org/server/startServer';
import { READY_PREFIX, type DevServerReady } from './benchServerReady';

async function startDev(port: number, dataDir: string): Promise<void> {
    const running = await startMockOrgServer({ port, dataDir });
    const ready: DevServerReady = {
        url: running.url,
        contacts: running.org.records
            .all('Contact')
            .map((contact) => ({ id: contact.Id, name: String(contact['Name']) })),
        users: running.org.users().map((user) => ({ id: user.Id, username: String(user['Username']) }))
    };
    console.log(READY_PREFIX + JSON.stringify(ready));
}

function startBare(port: number): void {
    const server = createServer((request, response) => {
        request.resume();
        request.on('end', () => {
            response.writeHead(200, { 'content-type': 'application/json' });
            response.end('{"ok":true}');
        });
    });
    server.listen(port, '127.0.0.1', () =>
        console.log(READY_PREFIX + JSON.stringify({ url: `http://127.0.0.1:${port}` }))
    );
}

const [mode, portText, dataDir] = process.argv.slice(2);
const port = Number(portText);
if (!Number.isInteger(port) || port <= 0) throw new Error(`benchServer: a port number is required, got "${portText}"`);
if (mode === 'dev' && dataDir) {
    startDev(port, dataDir).catch((error: unknown) => {
        console.error(error);
        process.exit(1);
    });
} else if (mode === 'bare') {
    startBare(port);
} else {
    throw new Error('benchServer: usage: benchServer.ts dev <port> <dataDir> | bare <port>');
}
