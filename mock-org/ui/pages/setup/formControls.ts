import { csrfField } from '../csrf';
import { html, type SafeHtml } from '../html';
import type { FormField, FormView } from './setupViewModels';

const fieldId = (field: FormField) => `field-${field.name}`;

function described(field: FormField): SafeHtml {
    const ids = [field.help ? `${fieldId(field)}-help` : null, field.error ? `${fieldId(field)}-error` : null]
        .filter(Boolean)
        .join(' ');
    return ids ? html` aria-describedby="${ids}"` : html``;
}

function helpAndError(field: FormField): SafeHtml {
    const help = field.help
        ? html`<div class="slds-text-body_small slds-text-color_weak slds-m-top_xx-small" id="${fieldId(field)}-help">${field.help}</div>`
        : html``;
    const error = field.error
        ? html`<div class="slds-form-element__help" id="${fieldId(field)}-error">${field.error}</div>`
        : html``;
    return html`${error}${help}`;
}

function control(field: FormField): SafeHtml {
    const id = fieldId(field);
    const invalid = field.error ? html` aria-invalid="true"` : html``;
    const required = field.required ? html` required` : html``;
    const maxLength = field.maxLength ? html` maxlength="${field.maxLength}"` : html``;
    switch (field.kind) {
        case 'checkbox':
            return html`<div class="slds-form-element__control"><div class="slds-checkbox">
    <input type="checkbox" name="${field.name}" id="${id}"${field.checked ? html` checked` : html``}${described(field)}${invalid}>
    <label class="slds-checkbox__label" for="${id}"><span class="slds-checkbox_faux"></span><span class="slds-form-element__label">${field.label}</span></label>
</div></div>`;
        case 'select':
            return html`<div class="slds-form-element__control"><div class="slds-select_container">
    <select class="slds-select" name="${field.name}" id="${id}"${described(field)}${invalid}${required}>
        ${(field.options ?? []).map((option) => html`<option value="${option}"${option === field.value ? html` selected` : html``}>${option === '' ? '--None--' : option}</option>`)}
    </select>
</div></div>`;
        case 'password':
            // Write-only: the stored secret is never put back into the page.
            return html`<div class="slds-form-element__control"><input class="slds-input" type="password" name="${field.name}" id="${id}" value="" autocomplete="new-password"${described(field)}${invalid}${required}></div>`;
        case 'text':
            return html`<div class="slds-form-element__control"><input class="slds-input" type="text" name="${field.name}" id="${id}" value="${field.value}"${maxLength}${described(field)}${invalid}${required}></div>`;
    }
}

function formElement(field: FormField): SafeHtml {
    const label =
        field.kind === 'checkbox'
            ? html``
            : html`<label class="slds-form-element__label" for="${fieldId(field)}">${field.required ? html`<abbr class="slds-required" title="required" aria-hidden="true">* </abbr>` : html``}${field.label}</label>`;
    return html`<div class="slds-form-element slds-m-bottom_small${field.error ? ' slds-has-error' : ''}">
    ${label}
    ${control(field)}
    ${helpAndError(field)}
</div>`;
}

/** "Review the errors on this page", each linking to its field. */
function errorSummary(fields: FormField[]): SafeHtml {
    const invalid = fields.filter((field) => field.error);
    if (invalid.length === 0) return html``;
    return html`<div class="slds-notify slds-notify_alert slds-theme_error slds-m-bottom_medium" role="alert" aria-labelledby="error-summary-heading">
    <div>
        <h2 id="error-summary-heading">Review the errors on this page. Nothing was saved.</h2>
        <ul class="slds-list_dotted slds-text-align_left">${invalid.map((field) => html`<li><a class="slds-text-color_inverse" href="#${fieldId(field)}">${field.error}</a></li>`)}</ul>
    </div>
</div>`;
}

/** A Setup form that works without JavaScript: every control labelled, errors next to the field and in a summary. */
export function setupForm(form: FormView, csrfToken: string): SafeHtml {
    return html`${errorSummary(form.fields)}<form class="slds-box slds-theme_default" method="post" action="${form.action}" novalidate>
    ${csrfField(csrfToken)}
    ${form.fields.map(formElement)}
    <div class="slds-m-top_medium">
        <button class="slds-button slds-button_brand" type="submit">${form.submitLabel}</button>
        <a class="slds-button slds-button_neutral" href="${form.cancelHref}">Cancel</a>
    </div>
</form>`;
}
