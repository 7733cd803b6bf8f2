import { html } from '../html';
import { renderSetupPage } from './setupLayout';
import type { HealthCheckView } from './setupViewModels';

const BADGES = {
    pass: { text: 'Pass', theme: 'slds-theme_success' },
    warn: { text: 'Warning', theme: 'slds-theme_warning' },
    fail: { text: 'Fail', theme: 'slds-theme_error' }
} as const;

/** One row per check: its status, what was found and how to fix it. */
export function renderHealthCheck(view: HealthCheckView): string {
    const rows = view.results.map(
        (result) => html`<tr>
    <td><span class="slds-badge ${BADGES[result.status].theme}">${BADGES[result.status].text}</span></td>
    <th scope="row" class="slds-cell-wrap">${result.title}</th>
    <td class="slds-cell-wrap">${result.detail}</td>
    <td class="slds-cell-wrap">${result.fix ?? ''}</td>
</tr>`
    );
    const failed = view.results.filter((result) => result.status === 'fail').length;
    const warned = view.results.filter((result) => result.status === 'warn').length;
    return renderSetupPage({
        view,
        heading: 'Connector Health Check',
        meta: `${view.results.length - failed - warned} passed, ${warned} warnings, ${failed} failed`,
        body: html`<p class="slds-m-bottom_small">The same checks run from the command line with <code>npm run health</code>. The key's permissions and CIDR blocks are read from the mock Qwil, as real Qwil exposes no API for them.</p>
<table class="slds-table slds-table_bordered slds-table_cell-buffer" aria-label="Health check results">
    <thead><tr><th scope="col">Status</th><th scope="col">Check</th><th scope="col">Found</th><th scope="col">How to fix</th></tr></thead>
    <tbody>${rows}</tbody>
</table>`
    });
}
