import { LightningElement, api } from 'lwc';
import type { ClientState } from '../../../../server/contracts/clientState';

type ClientStatus = ClientState['status'];

const BADGES: Record<ClientStatus, { label: string; themeClass: string }> = {
    not_invited: { label: 'Not invited', themeClass: 'slds-badge_lightest' },
    pending: { label: 'Pending', themeClass: 'slds-theme_warning' },
    active: { label: 'Active', themeClass: 'slds-theme_success' },
    suspended: { label: 'Suspended', themeClass: 'slds-badge_inverse' },
    deactivated: { label: 'Deactivated', themeClass: 'slds-theme_error' }
};

/** The client's Qwil status as a coloured SLDS badge. */
export default class QwilStatusBadge extends LightningElement {
    @api status?: ClientStatus;

    get badge(): { label: string; cssClass: string } | undefined {
        const badge = this.status ? BADGES[this.status] : undefined;
        return badge && { label: badge.label, cssClass: `slds-badge ${badge.themeClass}` };
    }
}
