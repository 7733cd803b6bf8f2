// Every value interpolated into `html` is escaped unless it is itself `html` output, so a page
// cannot forget to escape a field: trusted markup has to be built with `html` to pass through.

const HTML_ESCAPES: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;'
};

export function escapeHtml(value: string): string {
    return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Markup that is already safe to place in a page. */
export class SafeHtml {
    readonly markup: string;

    constructor(markup: string) {
        this.markup = markup;
    }

    toString(): string {
        return this.markup;
    }
}

type Interpolation = SafeHtml | string | number | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
    if (value === null || value === undefined) return '';
    if (value instanceof SafeHtml) return value.markup;
    if (Array.isArray(value)) return value.map(render).join('');
    return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
    return new SafeHtml(strings.reduce((markup, literal, index) => markup + render(values[index - 1]) + literal));
}
