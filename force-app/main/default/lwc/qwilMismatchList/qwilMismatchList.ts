import { LightningElement, api } from 'lwc';
import type { Mismatch } from '../../../../server/contracts/QwilConnectorController';

const quoted = (value: string | null): string => (value ? `"${value}"` : 'nothing');

/** The differences between the Salesforce record and the client's Qwil profile, if there are any. */
export default class QwilMismatchList extends LightningElement {
    @api mismatches: Mismatch[] = [];

    get hasMismatches(): boolean {
        return this.mismatches.length > 0;
    }

    get rows(): { field: string; text: string }[] {
        return this.mismatches.map(({ field, salesforce, qwil }) => ({
            field,
            text: `${field}: Salesforce says ${quoted(salesforce)}, Qwil says ${quoted(qwil)}.`
        }));
    }
}
