import type { ClientState } from '../../../../server/contracts/clientState';
import type { ReadyTab } from '../../../../server/contracts/QwilConnectorController';

type ClientStatus = ClientState['status'];

/** The status words the badges show. */
const STATUS_WORDS: Record<ClientStatus, string> = {
    not_invited: 'Not invited',
    pending: 'Pending',
    active: 'Active',
    suspended: 'Suspended',
    deactivated: 'Deactivated'
};

const WHAT_HAPPENED: Partial<Record<ClientStatus, (name: string) => string>> = {
    pending: (name) => `${name} has been invited to Qwil`,
    active: (name) => `${name} accepted the invitation`,
    suspended: (name) => `${name}'s Qwil account was suspended`,
    deactivated: (name) => `${name}'s Qwil account was deactivated`,
    not_invited: (name) => `${name} is no longer on Qwil`
};

function clientName(tab: ReadyTab): string {
    return [tab.record.firstName, tab.record.lastName].filter(Boolean).join(' ') || 'The client';
}

/**
 * What changed in the client's Qwil status between two views of the same record, in staff words;
 * null when it did not change.
 */
export function describeStatusChange(before: ReadyTab, after: ReadyTab): string | null {
    const from = before.client.status;
    const to = after.client.status;
    if (from === to) return null;
    const happened = WHAT_HAPPENED[to]?.(clientName(after)) ?? clientName(after);
    return `${happened} since this page was shown: Qwil now shows ${STATUS_WORDS[to]} instead of ${STATUS_WORDS[from]}.`;
}
