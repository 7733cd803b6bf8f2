import { html, type SafeHtml } from './html';
import { renderDocument } from './layout';
import { pageHeader } from './pageHeader';
import type { RecordListView } from './viewModels';

type ListedRecord = RecordListView['records'][number];

function recordRow(record: ListedRecord): SafeHtml {
    return html`<tr class="slds-hint-parent">
    <th scope="row"><div class="slds-truncate"><a href="${record.href}">${record.name}</a></div></th>
    <td><div class="slds-truncate">${record.objectLabel}</div></td>
    <td><div class="slds-truncate">${record.email ?? ''}</div></td>
    <td><div class="slds-truncate">${record.ownerName}</div></td>
</tr>`;
}

function recordTable(records: ListedRecord[]): SafeHtml {
    if (records.length === 0) {
        return html`<p class="slds-box slds-theme_default slds-text-align_center">No records to display.</p>`;
    }
    // Focusable, so that keyboard users can scroll a table wider than a small screen.
    return html`<div class="slds-scrollable_x" role="region" aria-labelledby="record-list-heading" tabindex="0">
<table class="slds-table slds-table_cell-buffer slds-table_bordered" aria-labelledby="record-list-heading">
    <thead>
        <tr class="slds-line-height_reset">
            <th scope="col"><div class="slds-truncate">Name</div></th>
            <th scope="col"><div class="slds-truncate">Type</div></th>
            <th scope="col"><div class="slds-truncate">Email</div></th>
            <th scope="col"><div class="slds-truncate">Owner</div></th>
        </tr>
    </thead>
    <tbody>${records.map(recordRow)}</tbody>
</table>
</div>`;
}

export function renderRecordListPage(view: RecordListView): string {
    const count = view.records.length;
    const header = pageHeader({
        heading: view.title,
        meta: `${count} ${count === 1 ? 'item' : 'items'}`,
        headingId: 'record-list-heading'
    });
    return renderDocument({ chrome: view, main: html`${header}${recordTable(view.records)}` });
}
