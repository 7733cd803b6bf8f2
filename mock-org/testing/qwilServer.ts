import { afterAll, beforeAll } from '@jest/globals';
import { setupServer } from 'msw/node';
import { CalloutTimeline } from './calloutTimeline';
import type { ConnectorHarness } from './connectorHarness';

/**
 * msw serving the mock Qwil for a test file of server methods. `serve(harness)` switches to a
 * harness's Qwil and clears `requests`, which records every Qwil request as "METHOD /path", and
 * `timeline`, which tells how many Qwil answers were waited for one after another.
 */
export function useQwilServer() {
    const requests: string[] = [];
    const timeline = new CalloutTimeline();
    const server = setupServer();
    server.events.on('request:start', ({ request, requestId }) => {
        requests.push(`${request.method} ${new URL(request.url).pathname}`);
        timeline.started(requestId);
    });
    server.events.on('request:end', ({ requestId }) => timeline.ended(requestId));
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    afterAll(() => server.close());
    return {
        server,
        requests,
        timeline,
        serve(harness: ConnectorHarness): void {
            server.resetHandlers(...harness.qwil.handlers);
            requests.length = 0;
            timeline.clear();
        }
    };
}

/** The message of a server-method call that must fail, as the component would show it. */
export async function apexErrorMessage(call: Promise<unknown>): Promise<string> {
    try {
        await call;
    } catch (error) {
        return (error as { body: { message: string } }).body.message;
    }
    throw new Error('Expected the call to fail');
}
