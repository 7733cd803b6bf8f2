import { html, type SafeHtml } from '../html';
import { renderDocument } from '../layout';
import { pageHeader } from '../pageHeader';
import type { Notice, SetupPageView } from './setupViewModels';

export const SETUP_PATHS = {
    home: '/setup/home',
    metadataRecords: '/setup/custom-metadata/Qwil_Messenger',
    namedCredential: '/setup/named-credentials',
    apiKeys: '/setup/qwil-admin/system-api-keys',
    masterKeys: '/setup/qwil-admin/master-user-api-keys',
    recordPages: '/setup/record-pages',
    healthCheck: '/setup/health-check',
    linkClients: '/setup/link-qwil-clients'
} as const;

const NAV = [
    { label: 'Setup Home', href: SETUP_PATHS.home },
    { label: 'Qwil admin console: System API Keys', href: SETUP_PATHS.apiKeys },
    { label: 'Qwil admin console: Master User API Keys', href: SETUP_PATHS.masterKeys },
    { label: 'Named Credentials', href: SETUP_PATHS.namedCredential },
    { label: 'Custom Metadata Types: Qwil Messenger', href: SETUP_PATHS.metadataRecords },
    { label: 'Lightning Record Pages', href: SETUP_PATHS.recordPages },
    { label: 'Connector Health Check', href: SETUP_PATHS.healthCheck },
    { label: 'Link existing Qwil clients', href: SETUP_PATHS.linkClients }
];

function setupNav(currentPath: string): SafeHtml {
    const items = NAV.map(({ label, href }) => {
        const current = currentPath.startsWith(href);
        return html`<li class="slds-nav-vertical__item${current ? ' slds-is-active' : ''}"><a class="slds-nav-vertical__action" href="${href}"${current ? html` aria-current="page"` : html``}>${label}</a></li>`;
    });
    return html`<nav class="slds-nav-vertical slds-nav-vertical_compact slds-theme_default slds-box slds-p-around_none" aria-label="Setup">
    <div class="slds-nav-vertical__section">
        <h2 class="slds-nav-vertical__title">Setup</h2>
        <ul>${items}</ul>
    </div>
</nav>`;
}

const NOTICE_THEMES = {
    success: 'slds-theme_success',
    error: 'slds-theme_error',
    warning: 'slds-theme_warning'
} as const;

export function noticeBox(notice: Notice | null | undefined): SafeHtml {
    if (!notice) return html``;
    const role = notice.kind === 'success' ? 'status' : 'alert';
    return html`<div class="slds-notify slds-notify_alert slds-m-bottom_medium ${NOTICE_THEMES[notice.kind]}" role="${role}"><h2>${notice.message}</h2></div>`;
}

interface SetupPageParts {
    view: SetupPageView;
    heading: string;
    meta: string;
    body: SafeHtml;
    script?: string;
    refreshSeconds?: number;
}

/** A Setup page: the Setup menu on the left, the page on the right. */
export function renderSetupPage({ view, heading, meta, body, script, refreshSeconds }: SetupPageParts): string {
    return renderDocument({
        chrome: view,
        ...(script ? { script } : {}),
        ...(refreshSeconds ? { refreshSeconds } : {}),
        main: html`<div class="slds-grid slds-wrap slds-gutters">
    <div class="slds-col slds-size_1-of-1 slds-medium-size_1-of-4">${setupNav(view.currentPath)}</div>
    <div class="slds-col slds-size_1-of-1 slds-medium-size_3-of-4">
        ${pageHeader({ heading, meta })}
        ${noticeBox(view.notice)}
        ${body}
    </div>
</div>`
    });
}
