import { AuraHandledException } from '../platform/exceptions';
import { CalloutException } from '../platform/http';
import { QwilApiError } from './qwilTransport';

const CONFIGURATION = 'Qwil Messenger cannot sign in to Qwil: the System API key in the named credential is not accepted. Ask your administrator to check the named credential Qwil_Messenger_Salesforce_Connector.';

/** What staff are told for Qwil's known error codes (from Qwil's public sample code), each saying what to do next. */
const MESSAGES_BY_CODE: Record<string, string> = {
    RU001: CONFIGURATION,
    RU002: 'The System API key Qwil Messenger uses has been deactivated in Qwil. Ask your administrator to create a new key and update the named credential.',
    RF736: 'Qwil Messenger is set up with a Super API key but no organisation was chosen. Ask your administrator to check the "Using Super API Key" setting.',
    RF841: 'The System API key is not a Super API key, but the connector is set to use one. Ask your administrator to uncheck "Using Super API Key".',
    RF024: 'Your Qwil account is currently inactive. Ask your Qwil administrator to reactivate it.',
    RN900: 'Qwil is currently disabled for this organisation. Contact your Qwil administrator.',
    RN902: 'Qwil is currently disabled for this organisation. Contact your Qwil administrator.',
    QX021: 'This identifier is already used in Qwil, where identifiers must be unique. Choose another identifier and save again.',
    QX030: 'Qwil refused: this is the last active staff member of a group with clients, and clients must always have an active staff member to talk to. Add another active staff member first.',
    QX040: 'A Qwil chat can have at most 100 active participants. Add fewer people and try again.',
    QX041: 'Only Qwil staff can start chats or add people to them. Ask your administrator to check your Qwil account.',
    QX042: 'A staff-only chat cannot include clients. Start an ordinary chat with the client instead.',
    QX043: 'You are not an active participant of this chat in Qwil, so you cannot write in it. Reopen the chat to see its current participants.',
    QX031: 'Qwil refused: a client must always be in at least one group that has an active staff member. Add the client to another group, or add an active staff member, first.'
};

/** For an answer without a known code: what it means for staff and what to do next, by HTTP status. */
const MESSAGES_BY_STATUS: Record<number, string> = {
    401: 'Qwil did not accept the sign-in of Qwil Messenger. Ask your administrator to check the named credential Qwil_Messenger_Salesforce_Connector.',
    403: 'Qwil does not allow this action for Qwil Messenger or for your Qwil account. Ask your Qwil administrator to check the permissions of the System API key and of your account.',
    404: 'Qwil could not find what this action refers to: it may have been changed or removed in Qwil meanwhile. Reopen the tab to see the current state.',
    409: 'This conflicts with a change made in Qwil meanwhile. Reopen the tab to see the current state, then try again if it is still needed.',
    422: 'Qwil did not accept the values sent. Check what you entered and try again; if it keeps happening, ask your administrator.'
};
const OTHER_REFUSAL = 'Qwil refused the request. Reopen the tab and try again; if it keeps happening, ask your administrator.';
const UNREADABLE =
    'Qwil sent an answer Qwil Messenger cannot read, so it cannot tell what happened. Reopen the tab to see the current state before trying again; if it keeps happening, ask your administrator.';

/** Who reads the message: administrators (Customize Application) also get the technical detail behind it. */
export type Audience = 'staff' | 'administrator';

function withDetail(message: string, audience: Audience, detail: string): string {
    return audience === 'administrator' ? `${message} Detail for administrators: ${detail}.` : message;
}

function describeQwilAnswer(error: QwilApiError, audience: Audience): string {
    const known = error.errorCode ? MESSAGES_BY_CODE[error.errorCode] : undefined;
    if (known) return known;
    if (error.status === 429) return 'Qwil is receiving too many requests right now. Wait a minute and try again.';
    if (error.status >= 500) return withDetail('Qwil is not responding properly right now. Try again in a few minutes.', audience, `Qwil answered HTTP ${error.status}`);
    if (error.unreadable) return withDetail(UNREADABLE, audience, `Qwil answered HTTP ${error.status} with ${error.message}`);
    const code = error.errorCode ? ` with code ${error.errorCode}` : '';
    return withDetail(MESSAGES_BY_STATUS[error.status] ?? OTHER_REFUSAL, audience, `Qwil answered HTTP ${error.status}${code}: ${error.message}`);
}

/** A message for the running user for any failure of a Qwil call: staff words and a next step; codes only for administrators. */
export function describeQwilFailure(error: unknown, audience: Audience = 'staff'): string | null {
    if (error instanceof QwilApiError) return describeQwilAnswer(error, audience);
    if (error instanceof CalloutException) {
        return error.message === 'Read timed out'
            ? 'Qwil did not answer in time. Try again in a moment.'
            : `Qwil Messenger could not reach Qwil: ${error.message} Ask your administrator to check the named credential Qwil_Messenger_Salesforce_Connector.`;
    }
    return null;
}

/**
 * Reads the new state after a write Qwil confirmed. If that read fails, the user is told the change
 * was made (so they do not repeat it) and how to see the result.
 */
export async function rereadAfterWrite<T>(done: string, reread: () => Promise<T>): Promise<T> {
    try {
        return await reread();
    } catch (error) {
        if (!(error instanceof QwilApiError || error instanceof CalloutException)) throw error;
        throw new AuraHandledException(`The change was made in Qwil: ${done} Qwil Messenger could not read the result back, so reopen the page to see it.`);
    }
}
