import { LightningElement, api } from 'lwc';
import checkInvitationPhone from '@salesforce/apex/QwilConnectorController.checkInvitationPhone';
import { DebouncedRequest, type RequestState } from 'c/qwilDebouncedRequest';
import { reduceErrors } from 'c/qwilLdsUtils';
import type { PhoneCheck } from '../../../../server/contracts/QwilConnectorController';

/** The number as the user typed it and the server's reading of it. */
export interface CheckedPhone {
    typed: string;
    check: PhoneCheck;
}

/**
 * The invitation phone field with the server's reading of the number shown before anything is
 * sent ("Will be sent as +447700010005", or why it cannot be used). Read-only unless `editable`.
 */
export default class QwilInvitationPhone extends LightningElement {
    @api recordId?: string;
    @api editable = false;
    /** ISO 3166 country national numbers are read in, e.g. GB. */
    @api defaultCountry?: string;
    /** Where the default country comes from, as a phrase: "the connector settings". */
    @api defaultCountrySource?: string;

    typed = '';
    state?: RequestState<string, PhoneCheck>;

    private startingCheck?: PhoneCheck;
    private readonly phoneCheck = new DebouncedRequest<string, PhoneCheck>(
        (phone) => checkInvitationPhone({ recordId: this.recordId ?? '', phone }),
        (state) => {
            this.state = state;
        }
    );

    /** The number to start from and the server's reading of it, e.g. the record's number. */
    @api
    get initialCheck(): PhoneCheck | undefined {
        return this.startingCheck;
    }
    set initialCheck(check: PhoneCheck | undefined) {
        this.startingCheck = check;
        this.typed = check?.input ?? '';
        this.state = check && { input: this.typed, isLoading: false, result: check };
    }

    /** The number as typed and its reading, asking the server now unless it has read this exact number. */
    @api
    async readPhone(): Promise<CheckedPhone> {
        const known = this.state;
        if (known?.input === this.typed && !known.isLoading && known.result) {
            return { typed: this.typed, check: known.result };
        }
        return { typed: this.typed, check: await this.phoneCheck.askNow(this.typed) };
    }

    get isReadOnly(): boolean {
        return !this.editable;
    }

    get preview(): string {
        const state = this.state;
        if (!state) {
            return '';
        }
        if (state.isLoading) {
            return 'Checking the number…';
        }
        if (state.errors) {
            return `The number could not be checked: ${reduceErrors(state.errors).join(' ') || 'try again.'}`;
        }
        const check = state.result;
        if (check?.international) {
            return `Will be sent as ${check.international}`;
        }
        return check?.problem ?? 'No invitation phone number will be sent.';
    }

    get previewClass(): string {
        const usable = !this.state?.errors && !this.state?.result?.problem;
        return `slds-m-top_xx-small ${usable ? '' : 'slds-text-color_error'}`.trim();
    }

    get countryNote(): string {
        return `Numbers without a country code are read as ${this.defaultCountry ?? ''} numbers; the default country comes from ${this.defaultCountrySource ?? 'the connector settings'}.`;
    }

    handleChange(event: CustomEvent<{ value: string }>): void {
        this.typed = event.detail.value ?? '';
        this.phoneCheck.askSoon(this.typed);
    }

    override disconnectedCallback(): void {
        this.phoneCheck.cancel();
    }
}
