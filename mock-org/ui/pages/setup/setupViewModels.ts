// What the Setup pages show. Secrets appear only in `CreatedKeyView`, the one-time key display.
import type { PageChrome } from '../viewModels';

export interface FormField {
    name: string;
    label: string;
    kind: 'text' | 'password' | 'checkbox' | 'select';
    /** Text and select value; never set for a password. */
    value: string;
    checked?: boolean;
    options?: readonly string[];
    help?: string | null;
    error?: string | null;
    required?: boolean;
    maxLength?: number;
}

export interface FormView {
    action: string;
    submitLabel: string;
    cancelHref: string;
    fields: FormField[];
}

export interface Notice {
    kind: 'success' | 'error' | 'warning';
    message: string;
}

export interface SetupPageView extends PageChrome {
    notice?: Notice | null;
}

export interface SetupStep {
    number: number;
    title: string;
    text: string;
    link: { label: string; href: string } | null;
    /** Whether the org shows the step as done; null for a step it cannot see (installing the package). */
    done: boolean | null;
}

export interface SetupHomeView extends SetupPageView {
    steps: SetupStep[];
}

export interface MetadataRecordListView extends SetupPageView {
    records: { name: string; label: string; editHref: string }[];
    newHref: string;
}

export interface FormPageView extends SetupPageView {
    heading: string;
    meta: string;
    intro: string | null;
    form: FormView;
}

export interface ApiKeyRow {
    name: string;
    key: string;
    permissions: string[];
    cidrBlocks: string[];
    /** "System", "Super" or "Master User". */
    type: string;
    actions: ('revoke' | 'promote')[];
    revoked: boolean;
    createdAt: string;
}

export interface ApiKeysView extends SetupPageView {
    /** "System API Key" or "Master User API Key". */
    kind: string;
    /** The console page; its actions are under it. */
    path: string;
    keys: ApiKeyRow[];
    form: FormView;
}

export interface CreatedKeyView extends SetupPageView {
    kind: string;
    name: string;
    key: string;
    secret: string;
    doneHref: string;
}

export interface RecordPagesView extends SetupPageView {
    pages: {
        label: string;
        object: string;
        file: string;
        hasQwilTab: boolean;
        componentInQwilTab: boolean;
        hasComponent: boolean;
    }[];
}

export interface HealthCheckView extends SetupPageView {
    results: { title: string; status: 'pass' | 'warn' | 'fail'; detail: string; fix: string | null }[];
}
