import { html, type SafeHtml } from './html';
import { renderDocument } from './layout';
import { objectIcon, pageHeader } from './pageHeader';
import type { RecordPageView } from './viewModels';

type PageRecord = RecordPageView['record'];
type Detail = PageRecord['details'][number];
type RelatedList = PageRecord['related'][number];

interface RecordTab {
    id: string;
    label: string;
    content: SafeHtml;
}

function detailItem({ label, value }: Detail): SafeHtml {
    return html`<div class="slds-form__item" role="listitem">
    <div class="slds-form-element slds-form-element_readonly slds-form-element_stacked">
        <span class="slds-form-element__label">${label}</span>
        <div class="slds-form-element__control"><div class="slds-form-element__static">${value ?? ''}</div></div>
    </div>
</div>`;
}

function detailsForm(details: Detail[]): SafeHtml {
    const rows: SafeHtml[] = [];
    for (let index = 0; index < details.length; index += 2) {
        rows.push(html`<div class="slds-form__row">${details.slice(index, index + 2).map(detailItem)}</div>`);
    }
    return html`<div class="slds-form" role="list">${rows}</div>`;
}

function relatedItem({ label, href }: RelatedList['items'][number]): SafeHtml {
    return html`<li class="slds-item">${href ? html`<a href="${href}">${label}</a>` : label}</li>`;
}

function relatedCard({ title, items }: RelatedList): SafeHtml {
    const body =
        items.length === 0
            ? html`<p class="slds-text-color_weak">No items.</p>`
            : html`<ul class="slds-has-dividers_bottom-space">${items.map(relatedItem)}</ul>`;
    return html`<article class="slds-card slds-card_boundary">
    <div class="slds-card__header">
        <h2 class="slds-card__header-title">${title} (${items.length})</h2>
    </div>
    <div class="slds-card__body slds-card__body_inner">${body}</div>
</article>`;
}

function relatedLists(related: RelatedList[]): SafeHtml {
    return related.length === 0
        ? html`<p class="slds-text-color_weak">No related lists.</p>`
        : html`${related.map(relatedCard)}`;
}

function qwilMessengerPanel(record: PageRecord): SafeHtml {
    return html`<div data-qwil-messenger-panel data-record-id="${record.id}" data-object-api-name="${record.objectApiName}"></div>`;
}

// The first tab starts selected; mock-org/ui/recordPage.ts adds switching and keyboard support.
function tabset(tabs: RecordTab[]): SafeHtml {
    const tabItems = tabs.map(
        (
            { id, label },
            index
        ) => html`<li class="slds-tabs_default__item${index === 0 ? ' slds-is-active' : ''}" role="presentation">
    <button type="button" class="slds-button_reset slds-tabs_default__link" role="tab" id="tab-${id}" aria-controls="panel-${id}"
        aria-selected="${index === 0 ? 'true' : 'false'}" tabindex="${index === 0 ? 0 : -1}">${label}</button>
</li>`
    );
    const panels = tabs.map(
        (
            { id, content },
            index
        ) => html`<div class="slds-tabs_default__content ${index === 0 ? 'slds-show' : 'slds-hide'}"
    role="tabpanel" id="panel-${id}" aria-labelledby="tab-${id}" tabindex="0">${content}</div>`
    );
    return html`<div class="slds-tabs_default slds-card slds-p-horizontal_medium" data-record-tabs>
    <ul class="slds-tabs_default__nav" role="tablist" aria-label="Record">${tabItems}</ul>
    ${panels}
</div>`;
}

export function renderRecordPage(view: RecordPageView): string {
    const { record } = view;
    const header = pageHeader({
        heading: record.name,
        meta: record.objectLabel,
        icon: objectIcon(record.objectApiName)
    });
    const tabs = tabset([
        { id: 'details', label: 'Details', content: detailsForm(record.details) },
        { id: 'related', label: 'Related', content: relatedLists(record.related) },
        { id: 'qwil-messenger', label: 'Qwil Messenger', content: qwilMessengerPanel(record) }
    ]);
    return renderDocument({ chrome: view, main: html`${header}${tabs}`, script: 'recordPage.js' });
}
