import { LightningElement, api } from 'lwc';

/**
 * Which Qwil organisation the tab acts in and who the user is there, with a way to switch
 * organisation when there is a choice. Fires `switchorganisation` (no detail, does not bubble).
 */
export default class QwilTabHeader extends LightningElement {
    /** Known only with a Super API key; an ordinary key decides the organisation by itself. */
    @api organisationName?: string;
    @api staffName?: string;
    @api canSwitch = false;

    handleSwitch(): void {
        this.dispatchEvent(new CustomEvent('switchorganisation'));
    }
}
