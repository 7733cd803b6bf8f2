import { html } from '../html';
import { renderSetupPage } from './setupLayout';
import type { SetupHomeView } from './setupViewModels';

/** Setup home: the installation guide's five steps, each linked to the page that does it. */
export function renderSetupHome(view: SetupHomeView): string {
    const progress = (done: boolean | null) =>
        done === null
            ? html``
            : done
              ? html` <span class="slds-badge slds-theme_success">Done</span>`
              : html` <span class="slds-badge">To do</span>`;
    const steps = view.steps.map(
        (step) => html`<li class="slds-item slds-m-bottom_small">
    <h2 class="slds-text-heading_small">Step ${step.number}. ${step.title}${progress(step.done)}</h2>
    <p>${step.text}</p>
    ${step.link ? html`<p><a href="${step.link.href}">${step.link.label}</a></p>` : html``}
</li>`
    );
    return renderSetupPage({
        view,
        heading: 'Qwil Messenger Salesforce Connector setup',
        meta: 'Setup Home',
        body: html`<section class="slds-box slds-theme_default" aria-label="Installation steps"><ol class="slds-list_ordered">${steps}</ol></section>`
    });
}
