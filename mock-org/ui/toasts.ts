// Shows `lightning__showtoast` events as SLDS toasts, as Lightning Experience does. Built with DOM
// APIs and textContent only, so nothing a component sends is ever parsed as markup.

import {
    SHOW_TOAST_EVENT_NAME,
    type ShowToastDetail,
    type ToastMessageData,
    type ToastVariant
} from './platform/platformShowToastEvent';

const AUTO_HIDE_MS = 5000;
const UTILITY_SPRITE = '/assets/icons/utility-sprite/svg/symbols.svg';
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const VARIANTS: readonly ToastVariant[] = ['info', 'success', 'warning', 'error'];

function utilityIcon(name: string, className: string): SVGSVGElement {
    const svg = document.createElementNS(SVG_NAMESPACE, 'svg');
    svg.setAttribute('class', className);
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const use = document.createElementNS(SVG_NAMESPACE, 'use');
    use.setAttribute('href', `${UTILITY_SPRITE}#${name}`);
    svg.append(use);
    return svg;
}

function element<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className?: string,
    text?: string
): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
}

// Links in toasts go to web pages only: a `javascript:` URL from messageData would run script.
function isWebUrl(url: string): boolean {
    try {
        return ['http:', 'https:'].includes(new URL(url, window.location.href).protocol);
    } catch {
        return false;
    }
}

function messageDataNode(data: ToastMessageData | undefined, placeholder: string): Node {
    if (data === undefined) return document.createTextNode(placeholder);
    if (typeof data === 'string') return document.createTextNode(data);
    if (!isWebUrl(data.url)) return document.createTextNode(data.label);
    const link = element('a', undefined, data.label);
    link.href = data.url;
    return link;
}

/** The message with its `{0}`, `{1}`… placeholders replaced by `messageData`. */
function messageNodes({ message = '', messageData = [] }: ShowToastDetail): Node[] {
    return message
        .split(/(\{\d+\})/)
        .filter((part) => part !== '')
        .map((part) => {
            const placeholder = /^\{(\d+)\}$/.exec(part);
            return placeholder
                ? messageDataNode(messageData[Number(placeholder[1])], part)
                : document.createTextNode(part);
        });
}

function toastElement(detail: ShowToastDetail, variant: ToastVariant, dismiss: () => void): HTMLElement {
    const toast = element('div', `slds-notify slds-notify_toast slds-theme_${variant}`);
    toast.setAttribute('role', variant === 'error' ? 'alert' : 'status');

    const icon = element(
        'span',
        `slds-icon_container slds-icon-utility-${variant} slds-m-right_small slds-no-flex slds-align-top`
    );
    icon.append(utilityIcon(variant, 'slds-icon slds-icon_small'));

    const content = element('div', 'slds-notify__content');
    if (detail.title) content.append(element('h2', 'slds-text-heading_small', detail.title));
    if (detail.message) {
        const message = element('p');
        message.append(...messageNodes(detail));
        content.append(message);
    }

    const close = element('button', 'slds-button slds-button_icon slds-button_icon-inverse');
    close.type = 'button';
    close.title = 'Close';
    close.append(
        utilityIcon('close', 'slds-button__icon slds-button__icon_large'),
        element('span', 'slds-assistive-text', 'Close')
    );
    close.addEventListener('click', dismiss);
    const closeContainer = element('div', 'slds-notify__close');
    closeContainer.append(close);

    toast.append(element('span', 'slds-assistive-text', variant), icon, content, closeContainer);
    return toast;
}

// Errors and sticky toasts stay until closed; others hide after a while, but not while the
// pointer or focus is on them, so they can still be read and their links used.
function scheduleAutoHide(toast: HTMLElement, dismiss: () => void): void {
    let timer = window.setTimeout(dismiss, AUTO_HIDE_MS);
    const pause = () => window.clearTimeout(timer);
    const resume = () => {
        pause();
        timer = window.setTimeout(dismiss, AUTO_HIDE_MS);
    };
    toast.addEventListener('mouseenter', pause);
    toast.addEventListener('focusin', pause);
    toast.addEventListener('mouseleave', resume);
    toast.addEventListener('focusout', resume);
}

export function showToasts(root: HTMLElement): void {
    const container = element(
        'div',
        'slds-notify_container slds-grid slds-grid_vertical slds-grid_vertical-align-center'
    );
    root.append(container);

    root.addEventListener(SHOW_TOAST_EVENT_NAME, (event) => {
        const detail: ShowToastDetail = (event as CustomEvent<ShowToastDetail | null>).detail ?? {};
        const variant = VARIANTS.includes(detail.variant as ToastVariant) ? (detail.variant as ToastVariant) : 'info';
        const toast = toastElement(detail, variant, () => toast.remove());
        container.append(toast);
        if (variant !== 'error' && detail.mode !== 'sticky') scheduleAutoHide(toast, () => toast.remove());
    });
}
