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

/** A message for the staff user for any failure of a Qwil call. */
export function describeQwilFailure(error: unknown): string | null {
    if (error instanceof QwilApiError) {
        const known = error.errorCode ? MESSAGES_BY_CODE[error.errorCode] : undefined;
        if (known) return known;
        if (error.status === 429) return 'Qwil is receiving too many requests right now. Wait a minute and try again.';
        if (error.status >= 500) return 'Qwil is not responding properly right now. Try again in a few minutes.';
        return `Qwil refused the request${error.errorCode ? ` (${error.errorCode})` : ''}: ${error.message}`;
    }
    if (error instanceof CalloutException) {
        return error.message === 'Read timed out'
            ? 'Qwil did not answer in time. Try again in a moment.'
            : `Qwil Messenger could not reach Qwil: ${error.message} Ask your administrator to check the named credential Qwil_Messenger_Salesforce_Connector.`;
    }
    return null;
}
