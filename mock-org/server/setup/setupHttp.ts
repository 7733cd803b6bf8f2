import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockOrg } from '../../platform/mockOrg';
import type { PageChrome } from '../../ui/pages/viewModels';
import { pageChrome } from '../recordViews';
import { requestUrl } from '../requestGuards';
import type { Session } from '../sessions';

/** One Setup request: who asks, what for, and the header every page shows. */
export interface SetupRequest {
    readonly request: IncomingMessage;
    readonly response: ServerResponse;
    readonly url: URL;
    readonly userId: string;
    chrome(title: string): PageChrome;
}

export function setupRequest(
    org: MockOrg,
    request: IncomingMessage,
    response: ServerResponse,
    session: Session
): SetupRequest {
    const url = requestUrl(request);
    return {
        request,
        response,
        url,
        userId: session.userId,
        chrome: (title) => pageChrome(org, session, title, url.pathname)
    };
}
