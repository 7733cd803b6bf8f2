import { LightningElement, api } from 'lwc';
import chooseOrganisation from '@salesforce/apex/QwilConnectorController.chooseOrganisation';
import type { Organisation } from '../../../../server/contracts/QwilConnectorController';

/**
 * "Select a Qwil organisation": one button per organisation; the choice is saved on the server
 * for the user. Fires `chosen` once it is saved and, when `canCancel`, `cancel`; neither bubbles
 * nor has detail.
 */
export default class QwilOrganisationPicker extends LightningElement {
    @api organisations: Organisation[] = [];
    /** True when the user already works in an organisation and may keep it. */
    @api canCancel = false;

    isChoosing = false;
    errors?: unknown[];

    private lastChoice?: string;

    get hasOrganisations(): boolean {
        return this.organisations.length > 0;
    }

    handleChoose(event: Event): void {
        const entityUuid = (event.currentTarget as HTMLElement).dataset.uuid;
        if (entityUuid) {
            this.choose(entityUuid);
        }
    }

    handleRetry(): void {
        if (this.lastChoice) {
            this.choose(this.lastChoice);
        }
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    private async choose(entityUuid: string): Promise<void> {
        if (this.isChoosing) {
            return;
        }
        this.isChoosing = true;
        this.errors = undefined;
        this.lastChoice = entityUuid;
        try {
            await chooseOrganisation({ entityUuid });
            this.dispatchEvent(new CustomEvent('chosen'));
        } catch (error) {
            this.errors = [error];
        } finally {
            this.isChoosing = false;
        }
    }
}
