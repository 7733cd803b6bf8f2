import { LightningElement, api } from 'lwc';
import type { ClientLookupType, ClientProfile, ClientState } from '../../../../server/contracts/clientState';
import type { ReadyTab, TabState } from '../../../../server/contracts/QwilConnectorController';

const LOOKUP_DESCRIPTIONS: Record<ClientLookupType, string> = {
    Email: 'email address',
    'Salesforce Record ID': 'Salesforce record ID'
};

const READ_ONLY_NOTES: Partial<Record<ClientState['status'], string>> = {
    suspended:
        'Read-only: a suspended client cannot be changed from Salesforce. A Qwil administrator can restore their access in Qwil.',
    deactivated:
        'Read-only: a deactivated client cannot be changed or invited again with this email address. A Qwil administrator must first change the email on their deactivated Qwil account.'
};

const NOT_PROVIDED = 'Not provided';

/**
 * The Client Details page: the client's Qwil status and profile, or why there is none; how the
 * profile differs from the record; and what the user can do in the client's state. Passes on
 * `tabchange` (detail: the tab's new state, does not bubble) from the pending-client actions.
 */
export default class QwilClientDetails extends LightningElement {
    @api recordId?: string;
    @api tab?: ReadyTab;

    get clientState(): ClientState | undefined {
        return this.tab?.client;
    }

    get client(): ClientProfile | undefined {
        return this.clientState?.status === 'not_invited' ? undefined : this.clientState?.client;
    }

    get isPending(): boolean {
        return this.clientState?.status === 'pending';
    }

    get readOnlyNote(): string | undefined {
        return this.clientState && READ_ONLY_NOTES[this.clientState.status];
    }

    get fullName(): string {
        return [this.client?.firstName, this.client?.lastName].filter(Boolean).join(' ') || NOT_PROVIDED;
    }

    get invitationPhone(): string {
        return this.client?.invitationPhone || NOT_PROVIDED;
    }

    get jobTitle(): string {
        return this.client?.jobTitle || NOT_PROVIDED;
    }

    get identifier(): string {
        return this.client?.identifier || NOT_PROVIDED;
    }

    get notFoundMessage(): string | undefined {
        const lookup = this.clientState?.lookup;
        return lookup && `No Qwil client was found for the ${LOOKUP_DESCRIPTIONS[lookup.type]} ${lookup.value}.`;
    }

    handleTabChange(event: CustomEvent<TabState>): void {
        this.dispatchEvent(new CustomEvent('tabchange', { detail: event.detail }));
    }
}
