import { LightningElement, api } from 'lwc';
import type { ClientLookupType, ClientProfile, ClientState } from '../../../../server/contracts/clientState';

const LOOKUP_DESCRIPTIONS: Record<ClientLookupType, string> = {
    Email: 'email address',
    'Salesforce Record ID': 'Salesforce record ID'
};

const NOT_PROVIDED = 'Not provided';

/** The Client Details page: the client's Qwil status and profile, or why there is none. */
export default class QwilClientDetails extends LightningElement {
    @api clientState?: ClientState;

    get client(): ClientProfile | undefined {
        return this.clientState?.status === 'not_invited' ? undefined : this.clientState?.client;
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
}
