import type { LinkingJobStatus, LinkPlanRow } from '../../../../force-app/server/contracts/QwilLinkClientsController';
import { csrfField } from '../csrf';
import { html, type SafeHtml } from '../html';
import { renderSetupPage, SETUP_PATHS } from './setupLayout';
import type { SetupPageView } from './setupViewModels';

export interface LinkClientsView extends SetupPageView {
    /** The job's share of Qwil's 600 calls per minute per key, as the form shows it. */
    callsPerMinute: number;
    run: LinkingJobStatus | null;
    /** The first rows of the run's plan (all of them are in the CSV). */
    rows: readonly LinkPlanRow[];
    /** Plan pages beyond the rows shown. */
    morePages: number;
    /** The record page of a record id. */
    recordHref(recordId: string): string;
}

const ACTIVE = new Set(['Queued', 'Preparing', 'Processing']);
/** While a run is active the page reloads itself this often. */
const REFRESH_SECONDS = 2;

const OUTCOMES: Record<LinkPlanRow['outcome'], string> = {
    to_link: 'To link',
    linked: 'Linked',
    conflict: 'Conflict'
};

function callsPerMinuteField(value: number): SafeHtml {
    return html`<div class="slds-form-element slds-m-bottom_small">
    <label class="slds-form-element__label" for="callsPerMinute">Qwil calls per minute for this job</label>
    <div class="slds-form-element__help" id="callsPerMinute-help">Qwil allows 600 calls per minute for the connector's key, shared with staff using the Qwil Messenger tab. The default, 300, leaves half for them.</div>
    <div class="slds-form-element__control"><input class="slds-input" type="number" id="callsPerMinute" name="callsPerMinute" min="3" max="600" required value="${String(value)}" aria-describedby="callsPerMinute-help"></div>
</div>`;
}

function actionForm(view: LinkClientsView, action: string, label: string, fields: SafeHtml, brand = true): SafeHtml {
    return html`<form method="post" action="${SETUP_PATHS.linkClients}/${action}" class="slds-m-bottom_medium">
    ${csrfField(view.csrfToken)}
    ${fields}
    <button class="slds-button ${brand ? 'slds-button_brand' : 'slds-button_neutral'}" type="submit">${label}</button>
</form>`;
}

function progressBar(run: LinkingJobStatus): SafeHtml {
    if (run.totalItems === 0)
        return html`<p class="slds-m-bottom_small" role="status">Reading Qwil's client list: ${String(run.clientsRead)} clients so far.</p>`;
    const percent = Math.min(100, Math.round((run.itemsProcessed / run.totalItems) * 100));
    return html`<div class="slds-m-bottom_small">
    <p id="link-progress-label">${run.dryRun ? 'Dry run' : 'Linking'}: ${String(run.itemsProcessed)} of ${String(run.totalItems)} clients</p>
    <div class="slds-progress-bar slds-progress-bar_large" role="progressbar" aria-labelledby="link-progress-label" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${String(percent)}">
        <span class="slds-progress-bar__value" style="width: ${String(percent)}%"><span class="slds-assistive-text">${String(percent)}% done</span></span>
    </div>
</div>`;
}

function summary(run: LinkingJobStatus): SafeHtml {
    const conflicts = run.conflicts.map(
        (conflict) =>
            html`<tr><th scope="row" class="slds-cell-wrap">${conflict.label}</th><td>${String(conflict.count)}</td></tr>`
    );
    return html`<table class="slds-table slds-table_bordered slds-table_cell-buffer slds-m-bottom_medium" aria-label="Counts by reason">
    <thead><tr><th scope="col">Clients</th><th scope="col">Count</th></tr></thead>
    <tbody>
        <tr><th scope="row">Read from Qwil</th><td>${String(run.clientsRead)}</td></tr>
        <tr><th scope="row">Already linked (left alone)</th><td>${String(run.alreadyLinked)}</td></tr>
        <tr><th scope="row">${run.dryRun ? 'To link' : 'Linked by this run'}</th><td>${String(run.dryRun ? run.toLink : run.linked)}</td></tr>
        ${conflicts}
    </tbody>
</table>
<p class="slds-text-body_small slds-m-bottom_medium">Transactions used: ${String(run.transactions)}; most callouts in one transaction: ${String(run.maxCalloutsPerTransaction)} (the limit is 100).</p>`;
}

function planTable(view: LinkClientsView, run: LinkingJobStatus): SafeHtml {
    if (view.rows.length === 0)
        return html`<p class="slds-m-bottom_medium">${ACTIVE.has(run.status) ? 'No clients to list yet.' : 'Every client Qwil listed is already linked: there is nothing to link and no conflict.'}</p>`;
    const rows = view.rows.map(
        (row) => html`<tr>
    <th scope="row" class="slds-cell-wrap">${row.clientName}</th>
    <td class="slds-cell-wrap">${row.primaryEmail}</td>
    <td>${OUTCOMES[row.outcome]}</td>
    <td class="slds-cell-wrap">${row.explanation}</td>
    <td>${row.recordId ? html`<a href="${view.recordHref(row.recordId)}">${row.recordId}</a>` : ''}</td>
</tr>`
    );
    const more = view.morePages > 0 ? html`<p class="slds-m-top_x-small">More rows are in the CSV file.</p>` : html``;
    return html`<p class="slds-m-bottom_small"><a class="slds-button slds-button_neutral" href="${SETUP_PATHS.linkClients}/plan.csv?job=${run.jobId}" download>Download the plan as CSV</a></p>
<table class="slds-table slds-table_bordered slds-table_cell-buffer" aria-label="Plan">
    <thead><tr><th scope="col">Client</th><th scope="col">Qwil email</th><th scope="col">Outcome</th><th scope="col">Why</th><th scope="col">Salesforce record</th></tr></thead>
    <tbody>${rows}</tbody>
</table>${more}`;
}

function runSection(view: LinkClientsView, run: LinkingJobStatus): SafeHtml {
    const active = ACTIVE.has(run.status);
    const jobField = html`<input type="hidden" name="jobId" value="${run.jobId}">`;
    const stoppedUnfinished = !active && run.stage !== 'finished';
    const next = active
        ? actionForm(view, 'stop', 'Stop', jobField, false)
        : run.dryRun && run.stage === 'finished'
          ? actionForm(view, 'apply', 'Apply this plan', html`${jobField}${callsPerMinuteField(view.callsPerMinute)}`)
          : stoppedUnfinished
            ? actionForm(view, 'apply', 'Resume', html`${jobField}${callsPerMinuteField(view.callsPerMinute)}`)
            : html``;
    return html`<section aria-labelledby="run-heading" class="slds-m-bottom_large">
    <h2 id="run-heading" class="slds-text-heading_medium slds-m-bottom_small">${run.dryRun ? 'Dry run' : 'Run'}: ${run.status}</h2>
    ${run.message ? html`<div class="slds-notify slds-notify_alert slds-theme_warning slds-m-bottom_small" role="alert"><p>${run.message}</p></div>` : html``}
    ${progressBar(run)}
    ${summary(run)}
    ${next}
    ${planTable(view, run)}
</section>`;
}

/** Setup > Link existing Qwil clients: a dry run and its plan, Apply, the run's progress. */
export function renderLinkClients(view: LinkClientsView): string {
    const { run } = view;
    const startForm =
        run && ACTIVE.has(run.status)
            ? html``
            : actionForm(view, 'dry-run', 'Start a dry run', callsPerMinuteField(view.callsPerMinute));
    return renderSetupPage({
        view,
        heading: 'Link existing Qwil clients',
        meta: 'Qwil Messenger',
        ...(run && ACTIVE.has(run.status) ? { refreshSeconds: REFRESH_SECONDS } : {}),
        body: html`<p class="slds-m-bottom_small">Clients created directly on Qwil (or before the connector) have no Salesforce record id as their Qwil identifier, so their record shows them as not invited. This finds each one's Contact or Person Account by the configured Client Email API Field Name and sets the identifier to the record's id. A dry run only lists what would change; nothing is written until you apply it. A client is linked only when exactly one record you can read has their email; everything else is listed as a conflict, with the reason.</p>
${startForm}
${run ? runSection(view, run) : html``}`
    });
}
