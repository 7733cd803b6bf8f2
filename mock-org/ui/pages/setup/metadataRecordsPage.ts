import { html } from '../html';
import { renderSetupPage } from './setupLayout';
import type { MetadataRecordListView } from './setupViewModels';

/** Custom Metadata Types > Qwil Messenger > Manage Records. */
export function renderMetadataRecords(view: MetadataRecordListView): string {
    const rows = view.records.map(
        (record) => html`<tr>
    <td><a href="${record.editHref}" aria-label="Edit ${record.label}">Edit</a></td>
    <th scope="row">${record.label}</th>
    <td>${record.name}</td>
</tr>`
    );
    const table =
        view.records.length === 0
            ? html`<p class="slds-m-vertical_small">No records yet: the connector needs one named Qwil.</p>`
            : html`<table class="slds-table slds-table_bordered slds-table_cell-buffer slds-m-vertical_small" aria-label="Qwil Messenger records">
    <thead><tr><th scope="col">Action</th><th scope="col">Label</th><th scope="col">Qwil Messenger Name</th></tr></thead>
    <tbody>${rows}</tbody>
</table>`;
    return renderSetupPage({
        view,
        heading: 'Qwil Messenger',
        meta: 'Custom Metadata Types > Manage Records',
        body: html`<section class="slds-box slds-theme_default">
    <a class="slds-button slds-button_brand" href="${view.newHref}">New</a>
    ${table}
</section>`
    });
}
