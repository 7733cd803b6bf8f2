import { html, type SafeHtml } from './html';

/** Standard object icons from the SLDS sprite; other objects use the generic record icon. */
const OBJECT_ICONS: Record<string, string> = {
    Contact: 'contact',
    Account: 'account',
    PersonAccount: 'person_account'
};

export function objectIcon(objectApiName: string): SafeHtml {
    const icon = OBJECT_ICONS[objectApiName] ?? 'record';
    return html`<span class="slds-icon_container slds-icon-standard-${icon.replace('_', '-')}">
    <svg class="slds-icon slds-page-header__icon" aria-hidden="true" focusable="false">
        <use href="/assets/icons/standard-sprite/svg/symbols.svg#${icon}"></use>
    </svg>
</span>`;
}

interface PageHeaderParts {
    heading: string;
    /** Small text above the heading, such as the object label. */
    meta?: string;
    icon?: SafeHtml;
    headingId?: string;
}

export function pageHeader({ heading, meta, icon, headingId }: PageHeaderParts): SafeHtml {
    const figure = icon ? html`<div class="slds-media__figure">${icon}</div>` : html``;
    const id = headingId ? html` id="${headingId}"` : html``;
    const metaLine = meta ? html`<p class="slds-page-header__name-meta">${meta}</p>` : html``;
    return html`<div class="slds-page-header slds-m-bottom_medium">
    <div class="slds-page-header__row">
        <div class="slds-page-header__col-title">
            <div class="slds-media">
                ${figure}
                <div class="slds-media__body">
                    ${metaLine}
                    <h1${id} class="slds-page-header__title slds-truncate">${heading}</h1>
                </div>
            </div>
        </div>
    </div>
</div>`;
}
