import { LightningElement, api } from 'lwc';
import type { ClientState } from '../../../../server/contracts/clientState';

type ClientStatus = ClientState['status'];

const EXPLANATIONS: Record<ClientStatus, string> = {
    not_invited: 'This client has not been invited to Qwil Messenger.',
    pending: 'Invitation sent; the client has not joined yet.',
    active: 'The client has joined and can message your firm securely.',
    suspended: "The client's access is paused. Their chats are kept and access can be restored.",
    deactivated: "The client's Qwil account is closed for good; they can no longer take part in chats."
};

/** One line that tells staff where the client stands in Qwil: status badge plus what it means. */
export default class QwilClientStatusSummary extends LightningElement {
    @api status?: ClientStatus;

    get explanation(): string | undefined {
        return this.status ? EXPLANATIONS[this.status] : undefined;
    }
}
