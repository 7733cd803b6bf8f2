import { html } from '../html';
import { setupForm } from './formControls';
import { renderSetupPage } from './setupLayout';
import type { FormPageView } from './setupViewModels';

/** A Setup edit page: Custom Metadata record New / Edit, Named Credential. */
export function renderFormPage(view: FormPageView): string {
    const intro = view.intro ? html`<p class="slds-m-bottom_medium">${view.intro}</p>` : html``;
    return renderSetupPage({
        view,
        heading: view.heading,
        meta: view.meta,
        body: html`${intro}${setupForm(view.form, view.csrfToken)}`
    });
}
