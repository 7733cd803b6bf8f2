import { csrfField } from '../csrf';
import { html } from '../html';
import { setupForm } from './formControls';
import { renderSetupPage } from './setupLayout';
import type { ApiKeyRow, ApiKeysView, CreatedKeyView } from './setupViewModels';

const CONSOLE = 'Qwil admin console (mock Qwil) > API Keys';

const ACTION_LABELS = { revoke: 'Revoke', promote: 'Promote to Super' } as const;

/** "30 Nov 2026, 12:47 UTC": the console's times are Qwil's, in UTC; the machine-readable form stays in `datetime`. */
const CREATED_AT = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short'
});

function keyActions(key: ApiKeyRow, path: string, csrfToken: string): ReturnType<typeof html> {
    if (key.revoked) return html`<span>Revoked</span>`;
    return html`${key.actions.map(
        (action) => html`<form method="post" action="${path}/${action}" class="slds-m-vertical_xx-small">
    <input type="hidden" name="key" value="${key.key}">
    ${csrfField(csrfToken)}
    <button class="slds-button slds-button_neutral" type="submit" aria-label="${ACTION_LABELS[action]} ${key.name}">${ACTION_LABELS[action]}</button>
</form>`
    )}`;
}

function keyTable(view: ApiKeysView): ReturnType<typeof html> {
    const { keys, kind, path, csrfToken } = view;
    if (keys.length === 0) return html`<p class="slds-m-vertical_small">No ${kind}s yet.</p>`;
    const rows = keys.map(
        (key) => html`<tr>
    <th scope="row" class="slds-cell-wrap">${key.name}</th>
    <td><code>${key.key}</code></td>
    <td class="slds-cell-wrap">${key.permissions.join(', ') || 'none'}</td>
    <td class="slds-cell-wrap">${key.cidrBlocks.join(', ') || 'any address'}</td>
    <td>${key.type}</td>
    <td class="slds-cell-wrap"><time datetime="${key.createdAt}">${CREATED_AT.format(new Date(key.createdAt))}</time></td>
    <td>${keyActions(key, path, csrfToken)}</td>
</tr>`
    );
    return html`<div class="slds-scrollable_x" role="region" aria-label="${kind}s" tabindex="0"><table class="slds-table slds-table_bordered slds-table_cell-buffer" aria-label="${kind}s">
    <thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Permissions</th><th scope="col">CIDR Blocks</th><th scope="col">Type</th><th scope="col">Created</th><th scope="col">Actions</th></tr></thead>
    <tbody>${rows}</tbody>
</table></div>`;
}

/** System or Master User API Keys: the list, revoke (and promote for System keys), and "+ Create a … API Key". */
export function renderApiKeys(view: ApiKeysView): string {
    return renderSetupPage({
        view,
        heading: `${view.kind}s`,
        meta: CONSOLE,
        body: html`<section class="slds-m-bottom_large" aria-labelledby="keys-heading">
    <h2 id="keys-heading" class="slds-text-heading_small slds-m-bottom_small">Keys</h2>
    ${keyTable(view)}
</section>
<section aria-labelledby="create-heading">
    <h2 id="create-heading" class="slds-text-heading_small slds-m-bottom_small">+ Create a ${view.kind}</h2>
    ${setupForm(view.form, view.csrfToken)}
</section>`
    });
}

function secretField(id: string, label: string, value: string): ReturnType<typeof html> {
    return html`<div class="slds-form-element slds-m-bottom_small">
    <label class="slds-form-element__label" for="${id}">${label}</label>
    <div class="slds-form-element__control slds-grid">
        <input class="slds-input slds-col" type="text" id="${id}" value="${value}" readonly>
        <button class="slds-button slds-button_neutral slds-m-left_x-small" type="button" data-copy-target="${id}" hidden>Copy ${label}</button>
    </div>
</div>`;
}

/** The only page that ever shows a secret: once, right after the key is created. */
export function renderCreatedKey(view: CreatedKeyView): string {
    return renderSetupPage({
        view,
        heading: `${view.kind} "${view.name}" created`,
        meta: CONSOLE,
        script: 'setupCopyButtons.js',
        body: html`<div class="slds-notify slds-notify_alert slds-theme_warning slds-m-bottom_medium" role="alert">
    <h2>Copy the ${view.kind} and the ${view.kind} Secret now. You will only see them once: after you click OK they cannot be retrieved, and you would need to create a new key.</h2>
</div>
<section class="slds-box slds-theme_default">
    ${secretField('created-key', view.kind, view.key)}
    ${secretField('created-secret', `${view.kind} Secret`, view.secret)}
    <p class="slds-m-bottom_small" role="status" data-copy-status></p>
    <a class="slds-button slds-button_brand" href="${view.doneHref}">OK</a>
</section>`
    });
}
