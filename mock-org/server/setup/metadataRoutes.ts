import { rmSync } from 'node:fs';
import path from 'node:path';
import { SETTING_LABELS, SETTINGS_TYPE } from '../../../force-app/server/settings/connectorSettings';
import type { CustomMetadataType } from '../../platform/metadata/customMetadata';
import { customMetadataRecordFile, writeCustomMetadataRecord } from '../../platform/metadata/customMetadataWriter';
import { readMetadataXml, textOf } from '../../platform/metadata/sourceXml';
import { renderFormPage, renderMetadataRecords, SETUP_PATHS, type FormField, type Notice } from '../../ui/pages/setup';
import type { SetupDependencies } from './setupDependencies';
import { redirect, sendHtml } from '../httpErrors';
import { readForm, type FormInput } from '../requestBody';
import type { SetupRequest } from './setupHttp';
import { requiredSettingFields, staffFieldWarning, validateSettingsForm } from './settingsForm';

const RECORD_NAME_PATTERN = /^\/setup\/custom-metadata\/Qwil_Messenger\/(?:new|(\w+)\/edit)$/;
const TEXT_MAX = 255;

function settingsType(deps: SetupDependencies): CustomMetadataType {
    const type = deps.org.customMetadata.getType(SETTINGS_TYPE);
    if (!type) throw new Error(`No custom metadata type ${SETTINGS_TYPE} in ${deps.packageDir}`);
    return type;
}

/** Help text is the field's inlineHelpText in its source file, as Setup shows it next to the field. */
function helpText(deps: SetupDependencies, fieldApiName: string): string | null {
    const file = path.join(deps.packageDir, 'objects', SETTINGS_TYPE, 'fields', `${fieldApiName}.field-meta.xml`);
    return textOf(readMetadataXml(file, 'CustomField'), 'inlineHelpText') ?? null;
}

function formFields(deps: SetupDependencies, input: FormInput, errors: ReadonlyMap<string, string>): FormField[] {
    const type = settingsType(deps);
    const text = (name: string) => input[name] ?? '';
    const names: FormField[] = [
        {
            name: 'label',
            label: 'Label',
            kind: 'text',
            value: text('label'),
            required: true,
            maxLength: 40,
            error: errors.get('label') ?? null
        },
        {
            name: 'developerName',
            label: 'Qwil Messenger Name',
            kind: 'text',
            value: text('developerName'),
            required: true,
            maxLength: 40,
            help: 'The connector reads the record named Qwil.',
            error: errors.get('developerName') ?? null
        }
    ];
    const required = requiredSettingFields(type);
    // The guide's order, which SETTING_LABELS follows.
    const settings = Object.keys(SETTING_LABELS).flatMap((apiName): FormField[] => {
        const field = type.fields.get(apiName);
        if (!field) return [];
        const common = {
            name: apiName,
            label: field.label,
            help: helpText(deps, apiName),
            error: errors.get(apiName) ?? null,
            required: required.has(apiName)
        };
        if (field.type === 'Checkbox')
            return [
                {
                    ...common,
                    kind: 'checkbox',
                    value: '',
                    checked: input[apiName] === 'on' || input[apiName] === 'true'
                }
            ];
        if (field.type === 'Picklist')
            return [{ ...common, kind: 'select', value: text(apiName), options: ['', ...field.picklistValues] }];
        return [{ ...common, kind: 'text', value: text(apiName), maxLength: TEXT_MAX }];
    });
    return [...names, ...settings];
}

/** The stored record as form input, for Edit. */
function inputOfRecord(deps: SetupDependencies, name: string): FormInput | null {
    const record = deps.org.customMetadata.getAll(SETTINGS_TYPE).get(name);
    if (!record) return null;
    const input: Record<string, string> = { label: record.MasterLabel, developerName: record.DeveloperName };
    for (const [field, value] of Object.entries(record.values)) {
        if (value === true) input[field] = 'on';
        else if (typeof value === 'string' || typeof value === 'number') input[field] = String(value);
    }
    return input;
}

function renderEditor(
    deps: SetupDependencies,
    setup: SetupRequest,
    editing: string | null,
    input: FormInput,
    errors: ReadonlyMap<string, string>
): string {
    const heading = editing ? `Qwil Messenger Edit: ${editing}` : 'New Qwil Messenger';
    return renderFormPage({
        ...setup.chrome(heading),
        heading,
        meta: 'Custom Metadata Types > Qwil Messenger',
        intro: 'Map the fields between Salesforce and Qwil Messenger and choose how the connector works (guide, step 4).',
        form: {
            action: setup.url.pathname,
            submitLabel: 'Save',
            cancelHref: SETUP_PATHS.metadataRecords,
            fields: formFields(deps, input, errors)
        }
    });
}

/** "Saved", or "Saved" with the warning that staff can change their own Staff ID value. */
function savedNotice(deps: SetupDependencies, name: string): Notice {
    const message = `Saved ${name}. The connector uses it from the next request.`;
    const record = deps.org.customMetadata.getAll(SETTINGS_TYPE).get(name);
    const warning = record ? staffFieldWarning(deps, record) : null;
    return warning ? { kind: 'warning', message: `${message} ${warning}` } : { kind: 'success', message };
}

/** Custom Metadata Types > Qwil Messenger > Manage Records, New and Edit. Returns false when the path is not one of these. */
export async function handleMetadataRoutes(deps: SetupDependencies, setup: SetupRequest): Promise<boolean> {
    const { url, request, response } = setup;
    if (url.pathname === SETUP_PATHS.metadataRecords && request.method === 'GET') {
        const saved = url.searchParams.get('saved');
        const records = [...deps.org.customMetadata.getAll(SETTINGS_TYPE).values()].map((record) => ({
            name: record.DeveloperName,
            label: record.MasterLabel,
            editHref: `${SETUP_PATHS.metadataRecords}/${record.DeveloperName}/edit`
        }));
        const notice = saved && /^\w+$/.test(saved) ? savedNotice(deps, saved) : null;
        sendHtml(
            response,
            200,
            renderMetadataRecords({
                ...setup.chrome('Qwil Messenger'),
                notice,
                records,
                newHref: `${SETUP_PATHS.metadataRecords}/new`
            })
        );
        return true;
    }
    const match = RECORD_NAME_PATTERN.exec(url.pathname);
    if (!match) return false;
    const editing = match[1] ?? null;
    const stored = editing ? inputOfRecord(deps, editing) : {};
    if (!stored) return false;
    if (request.method === 'GET') {
        sendHtml(response, 200, renderEditor(deps, setup, editing, stored, new Map()));
        return true;
    }
    if (request.method !== 'POST') return false;
    const input = await readForm(request);
    const existing = new Set(deps.org.customMetadata.getAll(SETTINGS_TYPE).keys());
    const result = validateSettingsForm(settingsType(deps), deps.org.schema, input, existing, editing);
    if (!result.ok) {
        sendHtml(response, 400, renderEditor(deps, setup, editing, input, result.errors));
        return true;
    }
    writeCustomMetadataRecord(deps.packageDir, settingsType(deps), result.record);
    // A renamed record is a new file; the old one must go, or the org would load both.
    if (editing && editing !== result.record.developerName)
        rmSync(customMetadataRecordFile(deps.packageDir, settingsType(deps), editing));
    deps.org.customMetadata.reload();
    redirect(response, `${SETUP_PATHS.metadataRecords}?saved=${result.record.developerName}`);
    return true;
}
