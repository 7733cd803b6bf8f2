import { KEY_HEADERS } from '../qwil/auth/credentials';
import type { ConnectorHarness } from './connectorHarness';

/** The Qwil the package's named credential points at (its endpoint in source), which the mock Qwil serves. */
export const QWIL_ORIGIN = 'https://eu.qwil.io';

/**
 * Arranges data in the mock Qwil the way a Qwil administrator's tool, or a member using Qwil's own app,
 * would: straight to Qwil's API, authenticated with the System API key behind the named credential,
 * never through the connector. Each call fails the test unless Qwil answers 200, and answers Qwil's JSON.
 */
export interface QwilArranger {
    /** POST `entity-service/sys-api/<path>`. */
    system(path: string, body: unknown): Promise<unknown>;
    /** POST `chat-service/api/<path>` acting as the member `onBehalfOf` (an entity_user_xref_uuid). */
    asMember(onBehalfOf: string, path: string, body: unknown): Promise<unknown>;
}

export function arrangeInQwil(harness: Pick<ConnectorHarness, 'apiKey' | 'apiSecret'>): QwilArranger {
    const post = async (url: string, body: unknown, extraHeaders: Record<string, string>): Promise<unknown> => {
        const response = await fetch(url, {
            method: 'POST',
            headers: {
                [KEY_HEADERS.system.key]: harness.apiKey,
                [KEY_HEADERS.system.secret]: harness.apiSecret,
                'Content-Type': 'application/json',
                ...extraHeaders
            },
            body: JSON.stringify(body)
        });
        const text = await response.text();
        if (response.status !== 200) throw new Error(`Qwil answered ${response.status} to POST ${url}: ${text}`);
        return text === '' ? undefined : (JSON.parse(text) as unknown);
    };
    return {
        system: (path, body) => post(`${QWIL_ORIGIN}/entity-service/sys-api/${path}`, body, {}),
        asMember: (onBehalfOf, path, body) =>
            post(`${QWIL_ORIGIN}/chat-service/api/${path}`, body, { 'on-behalf-of': onBehalfOf })
    };
}
