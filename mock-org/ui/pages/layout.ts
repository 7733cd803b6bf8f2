import { CSRF_META_NAME, csrfField } from './csrf';
import { html, type SafeHtml } from './html';
import type { PageChrome, UserOption } from './viewModels';

export const APP_NAME = 'Qwil Messenger (mock org)';
export const CONTACT_LIST_PATH = '/lightning/o/Contact/list';

interface DocumentParts {
    chrome: PageChrome;
    main: SafeHtml;
    /** An entry module from the preview build, e.g. `recordPage.js`. */
    script?: string;
    /** Reloads the page after this many seconds (a page following a job's progress). */
    refreshSeconds?: number;
}

function userOption(option: UserOption, runningUser: UserOption): SafeHtml {
    const selected = option.id === runningUser.id ? html` selected` : html``;
    return html`<option value="${option.id}"${selected}>${option.name} (${option.profileName})</option>`;
}

function loginAsForm({ runningUser, loginAsOptions, currentPath, csrfToken }: PageChrome): SafeHtml {
    return html`<form class="slds-grid slds-wrap slds-grid_vertical-align-center" method="post" action="/login-as">
    <label class="slds-form-element__label slds-p-top_none slds-m-bottom_none" for="login-as-user">Log in as</label>
    <div class="slds-select_container slds-m-right_x-small">
        <select class="slds-select" id="login-as-user" name="userId">
            ${loginAsOptions.map((option) => userOption(option, runningUser))}
        </select>
    </div>
    <input type="hidden" name="returnTo" value="${currentPath}">
    ${csrfField(csrfToken)}
    <button class="slds-button slds-button_neutral slds-no-flex" type="submit">Switch user</button>
</form>`;
}

function globalHeader(chrome: PageChrome): SafeHtml {
    const onContactList = chrome.currentPath === CONTACT_LIST_PATH ? html` aria-current="page"` : html``;
    return html`<header class="slds-theme_default slds-border_bottom slds-grid slds-wrap slds-grid_align-spread slds-grid_vertical-align-center slds-p-horizontal_medium slds-p-vertical_x-small">
    <div class="slds-grid slds-grid_vertical-align-center slds-m-vertical_xx-small">
        <p class="slds-text-heading_small slds-m-right_large">${APP_NAME}</p>
        <nav aria-label="Main">
            <a href="${CONTACT_LIST_PATH}"${onContactList}>Contacts</a>
            <a class="slds-m-left_medium" href="/setup/home"${chrome.currentPath.startsWith('/setup/') ? html` aria-current="page"` : html``}>Setup</a>
        </nav>
    </div>
    <div class="slds-m-vertical_xx-small">${loginAsForm(chrome)}</div>
</header>`;
}

export function renderDocument({ chrome, main, script, refreshSeconds }: DocumentParts): string {
    const scriptTag = script ? html`<script type="module" src="/preview/${script}"></script>` : html``;
    const refresh = refreshSeconds ? html`<meta http-equiv="refresh" content="${refreshSeconds}">` : html``;
    return html`<!doctype html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="${CSRF_META_NAME}" content="${chrome.csrfToken}">
    <title>${chrome.title} | ${APP_NAME}</title>
    <link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
    <link rel="icon" href="data:,">
    ${refresh}
    ${scriptTag}
</head>
<body class="slds-scope">
    <a class="slds-assistive-text slds-assistive-text_focus" href="#main-content">Skip to main content</a>
    ${globalHeader(chrome)}
    <main id="main-content" class="slds-p-around_medium" tabindex="-1">
        ${main}
    </main>
</body>
</html>
`.markup;
}
