import { LightningElement, api } from 'lwc';
import type { ClientState } from '../../../../server/contracts/clientState';

/** A page whose feature this version of the connector does not offer yet: status summary and an honest notice. */
export default class QwilFeatureNotYetAvailable extends LightningElement {
    @api status?: ClientState['status'];
    /** Plural name of the feature, as it reads at the start of a sentence, e.g. "Chats". */
    @api featureName?: string;

    get notice(): string {
        return `${this.featureName ?? 'These pages'} are not available in this version of the Qwil Messenger connector yet.`;
    }
}
