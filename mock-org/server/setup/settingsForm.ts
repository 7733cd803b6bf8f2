import type { CustomMetadataRecord, CustomMetadataValue } from '../../../force-app/server/platform/context';
import {
    ConfigurationError,
    parseConnectorSettings,
    SETTING_LABELS,
    SETTINGS_RECORD,
    type SettingField
} from '../../../force-app/server/settings/connectorSettings';
import type { CustomMetadataType } from '../../platform/metadata/customMetadata';
import type { CustomMetadataRecordSource } from '../../platform/metadata/customMetadataWriter';
import type { SchemaRegistry } from '../../platform/records/schema';
import { fieldMappingProblems } from './fieldMappings';
import { staffFieldSelfEditCheck } from './health/settingsChecks';
import type { HealthCheckEnvironment } from './health/healthTypes';

/** Salesforce's rule for a record's Name (DeveloperName): a letter first, letters, digits and single underscores, no trailing underscore. */
const DEVELOPER_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;
const NAME_MAX = 40;
const LABEL_MAX = 40;

/** What the form posts: `label`, `developerName` and one input per field API name (checkboxes only when checked). */
export type SettingsFormInput = Readonly<Record<string, string | undefined>>;

export type SettingsFormResult =
    | { readonly ok: true; readonly record: CustomMetadataRecordSource }
    | { readonly ok: false; readonly errors: ReadonlyMap<string, string> };

function valuesOf(type: CustomMetadataType, input: SettingsFormInput): Record<string, CustomMetadataValue> {
    const values: Record<string, CustomMetadataValue> = {};
    for (const field of type.fields.values()) {
        const raw = input[field.apiName];
        if (field.type === 'Checkbox') values[field.apiName] = raw === 'on' || raw === 'true';
        else values[field.apiName] = raw === undefined || raw.trim() === '' ? null : raw.trim();
    }
    return values;
}

/**
 * The connector's own parser decides what a valid record is; its message lists problems as
 * "<Label> <problem>", joined by "; ", so each is put back next to its field.
 */
function parserProblems(values: Record<string, CustomMetadataValue>): Map<string, string> {
    const problems = new Map<string, string>();
    try {
        parseConnectorSettings({ DeveloperName: SETTINGS_RECORD, MasterLabel: SETTINGS_RECORD, values });
    } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        const byLongestLabel = (Object.entries(SETTING_LABELS) as [SettingField, string][]).sort(
            (a, b) => b[1].length - a[1].length
        );
        for (const problem of error.message.replace(/\.$/, '').split('; ')) {
            const field = byLongestLabel.find(([, label]) => problem.startsWith(`${label} `))?.[0];
            if (field && !problems.has(field)) problems.set(field, `${problem}.`);
        }
    }
    return problems;
}

/** The settings the connector cannot do without: those its parser refuses when left empty. */
export function requiredSettingFields(type: CustomMetadataType): Set<string> {
    const empty = Object.fromEntries(
        [...type.fields.keys()].map((field): [string, CustomMetadataValue] => [field, null])
    );
    return new Set(parserProblems(empty).keys());
}

function nameProblems(
    input: SettingsFormInput,
    existingNames: ReadonlySet<string>,
    editing: string | null
): Map<string, string> {
    const problems = new Map<string, string>();
    const label = input['label']?.trim() ?? '';
    const name = input['developerName']?.trim() ?? '';
    if (label === '') problems.set('label', 'Label is required.');
    else if (label.length > LABEL_MAX) problems.set('label', `Label must be at most ${LABEL_MAX} characters.`);
    if (name === '') problems.set('developerName', 'Qwil Messenger Name is required.');
    else if (name.length > NAME_MAX || !DEVELOPER_NAME.test(name)) {
        problems.set(
            'developerName',
            `Qwil Messenger Name must be at most ${NAME_MAX} characters: a letter first, then letters, digits and single underscores, not ending with an underscore.`
        );
    } else if (name !== editing && existingNames.has(name)) {
        problems.set('developerName', `A Qwil Messenger record named ${name} already exists: edit it instead.`);
    }
    return problems;
}

/**
 * Validates the Qwil Messenger record form: names, the connector's settings rules, and that each
 * mapped field exists with a fitting type. Nothing is written here.
 */
export function validateSettingsForm(
    type: CustomMetadataType,
    schema: SchemaRegistry,
    input: SettingsFormInput,
    existingNames: ReadonlySet<string>,
    editing: string | null
): SettingsFormResult {
    const values = valuesOf(type, input);
    const errors = nameProblems(input, existingNames, editing);
    for (const [field, problem] of parserProblems(values)) errors.set(field, problem);
    for (const [field, problem] of fieldMappingProblems(schema, values))
        if (!errors.has(field)) errors.set(field, problem);
    if (errors.size > 0) return { ok: false, errors };
    return {
        ok: true,
        record: { developerName: input['developerName']?.trim() ?? '', label: input['label']?.trim() ?? '', values }
    };
}

/**
 * Shown once a record is saved whose Staff ID field staff can change on their own User record: the
 * health check's finding, what it means for the tab, and what to choose instead. Saving is not
 * refused (an administrator may be opening up the right field at the same time, and users with
 * Manage Users keep working); the health check fails until the field changes.
 */
export function staffFieldWarning(
    org: Pick<HealthCheckEnvironment, 'org' | 'seedDir'>,
    record: CustomMetadataRecord
): string | null {
    let settings;
    try {
        settings = parseConnectorSettings(record);
    } catch (error) {
        if (error instanceof ConfigurationError) return null;
        throw error;
    }
    const check = staffFieldSelfEditCheck(org, { ok: true, settings });
    if (check.status !== 'fail') return null;
    return `Warning: ${check.detail} Until Staff ID Field API Name changes, the Qwil Messenger tab refuses every user without Manage Users and the health check fails. ${check.fix ?? ''}`.trim();
}
