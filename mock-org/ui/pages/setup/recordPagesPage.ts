import { html } from '../html';
import { renderSetupPage } from './setupLayout';
import type { RecordPagesView } from './setupViewModels';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** Lightning Record Pages: which carry qwilChatTabsMenu in a "Qwil Messenger" tab, read from FlexiPage source. */
export function renderRecordPages(view: RecordPagesView): string {
    const rows = view.pages.map(
        (page) => html`<tr>
    <th scope="row" class="slds-cell-wrap">${page.label}</th>
    <td class="slds-cell-wrap">${page.object === 'Account' ? 'Account (Person Account)' : page.object}</td>
    <td>${yesNo(page.hasQwilTab)}</td>
    <td class="slds-cell-wrap">${yesNo(page.componentInQwilTab)}${page.hasComponent && !page.componentInQwilTab ? ' (the component is on the page, outside that tab)' : ''}</td>
    <td><code>${page.file}</code></td>
</tr>`
    );
    return renderSetupPage({
        view,
        heading: 'Lightning Record Pages',
        meta: 'Step 5: the Qwil Messenger tab',
        body: html`<p class="slds-m-bottom_small">Each client record page needs a tab named "Qwil Messenger" holding the qwilChatTabsMenu component. This list is read from the FlexiPage source files.</p>
<div class="slds-scrollable_x" role="region" aria-label="Record pages" tabindex="0"><table class="slds-table slds-table_bordered slds-table_cell-buffer" aria-label="Record pages">
    <thead><tr><th scope="col">Record Page</th><th scope="col">Object</th><th scope="col" class="slds-cell-wrap">"Qwil Messenger" tab</th><th scope="col" class="slds-cell-wrap">qwilChatTabsMenu in that tab</th><th scope="col">Source</th></tr></thead>
    <tbody>${rows}</tbody>
</table></div>`
    });
}
