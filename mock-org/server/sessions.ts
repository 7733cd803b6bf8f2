import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const COOKIE = 'mock_org_sid';

/** One browser session: who it runs as, and the anti-forgery token its pages carry. */
export interface Session {
    readonly userId: string;
    readonly csrfToken: string;
}

const newSecret = () => randomBytes(24).toString('base64url');

/**
 * "Log in as": which seeded user each browser session runs as. A browser without a session gets
 * one (as the default user) with its first request, so every page it is sent carries a token.
 * Sessions live as long as the server.
 */
export class Sessions {
    private readonly sessions = new Map<string, Session>();

    constructor(private readonly defaultUserId: string) {}

    /** The request's session; a new one, with its cookie set on the response, when it has none. */
    open(request: IncomingMessage, response: ServerResponse): Session {
        const sessionId = this.sessionIdOf(request);
        if (sessionId) return this.sessions.get(sessionId) as Session;
        return this.start(response, newSecret(), this.defaultUserId);
    }

    logInAs(request: IncomingMessage, response: ServerResponse, userId: string): void {
        this.start(response, this.sessionIdOf(request) ?? newSecret(), userId);
    }

    /** True when the token is the one the request's session was given, compared in constant time. */
    static tokenMatches(session: Session, token: string | undefined): boolean {
        const expected = Buffer.from(session.csrfToken);
        const given = Buffer.from(token ?? '');
        return given.length === expected.length && timingSafeEqual(given, expected);
    }

    private start(response: ServerResponse, sessionId: string, userId: string): Session {
        const session = { userId, csrfToken: this.sessions.get(sessionId)?.csrfToken ?? newSecret() };
        this.sessions.set(sessionId, session);
        response.setHeader('Set-Cookie', `${COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax`);
        return session;
    }

    private sessionIdOf(request: IncomingMessage): string | undefined {
        for (const part of (request.headers.cookie ?? '').split(';')) {
            const [name, value] = part.trim().split('=');
            if (name === COOKIE && value && this.sessions.has(value)) return value;
        }
        return undefined;
    }
}
