import { LightningElement, api } from 'lwc';

/**
 * A date and time in the house format (e.g. "Oct 20, 2026, 09:30 AM"), in the user's locale and
 * time zone as Salesforce knows them.
 */
export default class QwilDateTime extends LightningElement {
    /** An ISO 8601 date-time or a timestamp. */
    @api value?: string | number | null;
}
