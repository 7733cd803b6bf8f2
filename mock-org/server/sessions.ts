import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const COOKIE = 'mock_org_sid';

/** "Log in as": which seeded user each browser session runs as. Sessions live as long as the server. */
export class Sessions {
    private readonly userBySession = new Map<string, string>();

    constructor(private readonly defaultUserId: string) {}

    userOf(request: IncomingMessage): string {
        const sessionId = this.sessionIdOf(request);
        return (sessionId && this.userBySession.get(sessionId)) || this.defaultUserId;
    }

    logInAs(request: IncomingMessage, response: ServerResponse, userId: string): void {
        const sessionId = this.sessionIdOf(request) ?? randomBytes(18).toString('base64url');
        this.userBySession.set(sessionId, userId);
        response.setHeader('Set-Cookie', `${COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax`);
    }

    private sessionIdOf(request: IncomingMessage): string | undefined {
        for (const part of (request.headers.cookie ?? '').split(';')) {
            const [name, value] = part.trim().split('=');
            if (name === COOKIE && value && this.userBySession.has(value)) return value;
        }
        return undefined;
    }
}
