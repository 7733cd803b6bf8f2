import type { ApexContext } from '../platform/context';
import { AuraHandledException, QueryException } from '../platform/exceptions';
import { toId18 } from '../platform/salesforceId';
import {
    ConfigurationError,
    configurationMessage,
    SETTING_LABELS,
    type ConnectorSettings,
    type SettingField
} from '../settings/connectorSettings';

/** The client record as the connector reads it: the mapped fields only. */
export interface ClientRecord {
    readonly recordId: string;
    readonly objectApiName: 'Contact' | 'Account';
    readonly firstName: string | null;
    readonly lastName: string | null;
    readonly email: string | null;
    readonly invitationPhone: string | null;
}

/** Fields every Person Account has under its Contact name. */
const SAME_NAME_ON_PERSON_ACCOUNT = new Set(['FirstName', 'LastName', 'Salutation', 'MiddleName', 'Suffix']);

/**
 * A Contact field's name on a Person Account: custom `X__c` becomes `X__pc`, standard `F` becomes
 * `PersonF`. Names the admin already wrote in Account form are kept.
 */
export function personAccountFieldName(contactField: string): string {
    if (
        SAME_NAME_ON_PERSON_ACCOUNT.has(contactField) ||
        contactField.startsWith('Person') ||
        contactField.endsWith('__pc')
    )
        return contactField;
    if (contactField.endsWith('__c')) return `${contactField.slice(0, -3)}__pc`;
    return `Person${contactField}`;
}

const RECORD_ACCESS_MESSAGE =
    "You don't have access to this record, so Qwil Messenger can't show it. Ask the record owner or your administrator for access.";

function asText(value: unknown): string | null {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Reads the mapped fields of the client record as the running user (user mode: sharing and
 * field-level security). Nothing is sent to Qwil for a record the user cannot read.
 */
export function readClientRecord(context: ApexContext, settings: ConnectorSettings, recordId: string): ClientRecord {
    const objectApiName = context.schema.getSObjectTypeOfId(recordId);
    if (objectApiName !== 'Contact' && objectApiName !== 'Account') {
        throw new AuraHandledException('Qwil Messenger works on Contact and Person Account records only.');
    }
    const mapped: Partial<Record<SettingField, string>> = {
        Client_First_Name_Field_API_Name__c: settings.clientFirstNameField,
        Client_Last_Name_Field_API_Name__c: settings.clientLastNameField,
        Client_Email_API_Field_Name__c: settings.clientEmailField,
        ...(settings.clientInvitationPhoneField
            ? { Client_Invitation_Phone_No_Field_Api_Name__c: settings.clientInvitationPhoneField }
            : {})
    };
    const fieldOf = (setting: SettingField): string | undefined => {
        const configured = mapped[setting];
        if (!configured) return undefined;
        const field = objectApiName === 'Account' ? personAccountFieldName(configured) : configured;
        if (!context.schema.describeField(objectApiName, field)) {
            throw new AuraHandledException(
                configurationMessage(
                    context,
                    new ConfigurationError(
                        `${SETTING_LABELS[setting]} names ${configured}, which does not exist on ${objectApiName === 'Account' ? 'Person Account' : 'Contact'}.`
                    )
                )
            );
        }
        return field;
    };
    const fields = {
        firstName: fieldOf('Client_First_Name_Field_API_Name__c'),
        lastName: fieldOf('Client_Last_Name_Field_API_Name__c'),
        email: fieldOf('Client_Email_API_Field_Name__c'),
        invitationPhone: fieldOf('Client_Invitation_Phone_No_Field_Api_Name__c')
    };
    const selected = [...new Set(Object.values(fields).filter((field): field is string => field !== undefined))];
    if (objectApiName === 'Account') selected.push('IsPersonAccount');

    let record;
    try {
        record = context.database.queryById(objectApiName, recordId, selected, 'USER_MODE');
    } catch (error) {
        if (error instanceof QueryException) {
            throw new AuraHandledException(
                "You can't read all the fields Qwil Messenger uses on this record (name, email or phone). Ask your administrator for field access."
            );
        }
        throw error;
    }
    if (!record) throw new AuraHandledException(RECORD_ACCESS_MESSAGE);
    if (objectApiName === 'Account' && record['IsPersonAccount'] !== true) {
        throw new AuraHandledException(
            'Qwil Messenger works on Person Accounts only; this is a business account. Open one of its contacts instead.'
        );
    }
    const valueOf = (field: string | undefined) => (field ? asText(record[field]) : null);
    return {
        recordId: toId18(record.Id),
        objectApiName,
        firstName: valueOf(fields.firstName),
        lastName: valueOf(fields.lastName),
        email: valueOf(fields.email),
        invitationPhone: valueOf(fields.invitationPhone)
    };
}
