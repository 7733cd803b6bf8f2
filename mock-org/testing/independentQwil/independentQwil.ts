import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A second Qwil stand-in, for tests only, written from what Qwil publishes (its API guides and key
 * articles, and its two public Salesforce samples), not from the mock Qwil. Its answers are as small
 * as Qwil's material allows: where Qwil names a field it is used; where the connector needs a field
 * Qwil never names, the stand-in sends it only if the connector declares the dependency (QWIL_CALLS,
 * `dependsOn`), as SOURCES.md beside this file records. Nothing else is added: no paging fields, no
 * organisation uuids, no creation times or creators, no error messages.
 */

/** A membership as the stand-in holds it. */
export interface StandInPerson {
    readonly entity_user_xref_uuid: string;
    readonly first_name: string;
    readonly last_name: string;
    readonly job_title: string;
    readonly primary_email: string;
    readonly identifier: string | null;
    readonly invitation_phone_number: string | null;
    readonly role: 'system_admin' | 'user_admin' | 'staff' | 'client';
    readonly status: 'pending' | 'active' | 'suspended' | 'deactivated';
    readonly invited_at: string;
    readonly joined_at: string | null;
}

export interface StandInMessage {
    readonly seq: number;
    readonly text: string;
    readonly sender_entity_user_xref_uuid: string;
    readonly sent_at: string;
}

export interface StandInChat {
    readonly chat_uuid: string;
    readonly title: string;
    /** Who started the chat; the connector reads it to recognise a chat its own earlier attempt created (declared as an assumption). */
    readonly createdByUuid: string;
    readonly participantUuids: readonly string[];
    /** Oldest first. */
    readonly messages: readonly StandInMessage[];
}

export interface StandInKey {
    readonly key: string;
    readonly secret: string;
}

export interface StandInData {
    readonly organisation: { readonly entity_uuid: string; readonly name: string };
    /** Sent in `X-SYS-API-KEY` / `X-SYS-API-KEY-SECRET` (Qwil's samples). */
    readonly systemKey: StandInKey;
    /** Sent in `X-MASTER-USER-API-KEY` / `X-MASTER-USER-API-KEY-SECRET` with `on-behalf-of` (Master API guide). */
    readonly masterKey?: StandInKey;
    /**
     * Qwil documents chat-service for Master User and User keys only. With this on, the stand-in also
     * takes the System key there, the connector's assumption; off, it answers as the guides read.
     */
    readonly acceptSystemKeyOnChatService: boolean;
    readonly people: readonly StandInPerson[];
    readonly chats: readonly StandInChat[];
}

export interface RunningStandIn {
    /** `http://127.0.0.1:<port>`: the stand-in's origin. */
    readonly url: string;
    /** Every request received, `METHOD path?query`, oldest first. */
    readonly requests: string[];
    close(): Promise<void>;
}

type Answer = { readonly status: number; readonly body: unknown };

/** Qwil's error body as its samples read it: `error_code` only. */
const refusal = (status: number, errorCode: string): Answer => ({ status, body: { error_code: errorCode } });
const ok = (body: unknown): Answer => ({ status: 200, body });
const NOT_FOUND = refusal(404, 'RN006');
const BAD_KEY = refusal(401, 'RU001');

const SYSTEM_API = '/entity-service/sys-api/';
const CHAT_SERVICE = '/chat-service/api/';

function header(request: IncomingMessage, name: string): string | undefined {
    const value = request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
}

function presents(request: IncomingMessage, prefix: 'SYS' | 'MASTER-USER', key: StandInKey | undefined): boolean {
    return (
        key !== undefined &&
        header(request, `X-${prefix}-API-KEY`) === key.key &&
        header(request, `X-${prefix}-API-KEY-SECRET`) === key.secret
    );
}

/** Participants joined when the chat's first message was sent; no one has left. */
function chatOf(chat: StandInChat) {
    const first = chat.messages[0]?.sent_at ?? null;
    return {
        chat_uuid: chat.chat_uuid,
        title: chat.title,
        created_by_entity_user_xref_uuid: chat.createdByUuid,
        staff_only: false,
        archived: false,
        participants: chat.participantUuids.map((uuid) => ({
            entity_user_xref_uuid: uuid,
            joined_at: first,
            left_at: null
        })),
        message_count: chat.messages.length,
        last_message_at: chat.messages.at(-1)?.sent_at ?? null
    };
}

function messageOf(chat: StandInChat, message: StandInMessage) {
    return { chat_uuid: chat.chat_uuid, ...message, reply_to_seq: null, attachments: [] };
}

function systemApi(data: StandInData, path: string, query: URLSearchParams): Answer {
    const byUuid = (uuid: string | null) => data.people.find((person) => person.entity_user_xref_uuid === uuid);
    switch (path) {
        case 'entity-memberships': {
            const email = query.get('primary_email')?.toLowerCase();
            const identifier = query.get('identifier');
            const uuid = query.get('entity_user_xref_uuid');
            const person = data.people.find(
                (candidate) =>
                    (identifier !== null && candidate.identifier === identifier) ||
                    (email !== undefined && candidate.primary_email.toLowerCase() === email) ||
                    (uuid !== null && candidate.entity_user_xref_uuid === uuid)
            );
            return person ? ok({ entity_membership: person }) : NOT_FOUND;
        }
        case 'entity-memberships/list':
            return ok({ entity_memberships: data.people });
        case 'sdk/entity-memberships': {
            // As the multi-organisation sample reads it: staff and client accounts alike, logo and avatar optional.
            const email = query.get('primary_email')?.toLowerCase();
            const mine = data.people.filter((person) => person.primary_email.toLowerCase() === email);
            return ok({
                entity_memberships: mine.map((person) => ({
                    entity: data.organisation,
                    user: { entity_user_xref_uuid: person.entity_user_xref_uuid }
                }))
            });
        }
        case 'chats/list': {
            const client = byUuid(query.get('entity_user_xref_uuid'));
            if (!client) return NOT_FOUND;
            const withUuid = query.get('with_entity_user_xref_uuid');
            const chats = data.chats.filter(
                (chat) =>
                    chat.participantUuids.includes(client.entity_user_xref_uuid) &&
                    (withUuid === null || chat.participantUuids.includes(withUuid))
            );
            return ok({ chats: chats.map(chatOf) });
        }
        default:
            // Includes the chat exports: the stand-in holds no transcript, so every chat is "not found".
            return NOT_FOUND;
    }
}

function chatService(data: StandInData, path: string, query: URLSearchParams, actorUuid: string): Answer {
    const actor = data.people.find((person) => person.entity_user_xref_uuid === actorUuid);
    if (!actor) return NOT_FOUND;
    if (actor.status !== 'active') return refusal(403, 'RF024');
    const visible = data.chats.filter((chat) => chat.participantUuids.includes(actorUuid));
    switch (path) {
        case 'chats':
            return ok({ chats: visible.map(chatOf) });
        case 'chats/messages/range': {
            const chat = visible.find((candidate) => candidate.chat_uuid === query.get('chat_uuid'));
            if (!chat) return NOT_FOUND;
            const limit = Number(query.get('limit') ?? chat.messages.length);
            return ok({ messages: chat.messages.slice(-limit).map((message) => messageOf(chat, message)) });
        }
        default:
            return NOT_FOUND;
    }
}

/** Authentication first, then the path: an unknown path with a bad key is a bad key. */
function answer(data: StandInData, request: IncomingMessage): Answer {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    if (request.method !== 'GET') return NOT_FOUND;
    if (url.pathname.startsWith(SYSTEM_API)) {
        if (!presents(request, 'SYS', data.systemKey)) return BAD_KEY;
        return systemApi(data, url.pathname.slice(SYSTEM_API.length), url.searchParams);
    }
    if (url.pathname.startsWith(CHAT_SERVICE)) {
        const allowed =
            presents(request, 'MASTER-USER', data.masterKey) ||
            (data.acceptSystemKeyOnChatService && presents(request, 'SYS', data.systemKey));
        if (!allowed) return BAD_KEY;
        const actorUuid = header(request, 'on-behalf-of');
        if (!actorUuid) return refusal(400, 'RB785');
        return chatService(data, url.pathname.slice(CHAT_SERVICE.length), url.searchParams, actorUuid);
    }
    return NOT_FOUND;
}

function send(response: ServerResponse, { status, body }: Answer): void {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Starts the stand-in on a free loopback port. It serves only reads: every other method is "not found". */
export function startIndependentQwil(data: StandInData): Promise<RunningStandIn> {
    const requests: string[] = [];
    const server = createServer((request, response) => {
        requests.push(`${request.method ?? 'GET'} ${request.url ?? '/'}`);
        request.resume();
        request.on('end', () => send(response, answer(data, request)));
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as AddressInfo;
            resolve({
                url: `http://127.0.0.1:${port}`,
                requests,
                close: () => new Promise((done, fail) => server.close((error) => (error ? fail(error) : done())))
            });
        });
    });
}

/** The org's route to the stand-in: every `*.qwil.io` callout goes to its origin, path and query kept. */
export function routeQwilTo(origin: string) {
    return async (request: Request): Promise<Response> => {
        const url = new URL(request.url);
        if (!/(^|\.)qwil\.io$/.test(url.hostname))
            throw new Error(`The stand-in org reaches only *.qwil.io, not ${url.hostname}`);
        return fetch(`${origin}${url.pathname}${url.search}`, {
            method: request.method,
            headers: request.headers,
            signal: request.signal
        });
    };
}
