import { LightningElement, api } from 'lwc';
import type { ClientProfile, ClientState } from '../../../../server/contracts/clientState';
import type { ReadyTab, TabState } from '../../../../server/contracts/QwilConnectorController';

/** A 15- or 18-character Salesforce record id: staff see the record's name or "another record", never the id. */
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

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

    /** The Qwil identifier as staff read it: a Salesforce record id becomes the record it names. */
    get identifier(): string {
        const identifier = this.client?.identifier;
        if (!identifier) return NOT_PROVIDED;
        if (!SALESFORCE_ID.test(identifier)) return identifier;
        return this.isThisRecord(identifier) ? `This record${this.recordNamePhrase}` : 'Another Salesforce record';
    }

    get notFoundMessage(): string | undefined {
        const lookup = this.clientState?.lookup;
        if (!lookup) return undefined;
        return lookup.type === 'Email'
            ? `No Qwil client was found for the email address ${lookup.value}.`
            : `No Qwil client is linked to this record${this.recordNamePhrase}.`;
    }

    /** " (Li Wei)" from the record's mapped name fields, or nothing when they are empty. */
    private get recordNamePhrase(): string {
        const name = [this.tab?.record.firstName, this.tab?.record.lastName].filter(Boolean).join(' ');
        return name ? ` (${name})` : '';
    }

    /** Compares on the first 15 characters: the 18-character form only adds a case-safe suffix. */
    private isThisRecord(identifier: string): boolean {
        return !!this.recordId && identifier.slice(0, 15) === this.recordId.slice(0, 15);
    }

    handleTabChange(event: CustomEvent<TabState>): void {
        this.dispatchEvent(new CustomEvent('tabchange', { detail: event.detail }));
    }
}
