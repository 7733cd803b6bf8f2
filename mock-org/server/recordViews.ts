import type { MockOrg } from '../platform/mockOrg';
import type { StoredRecord } from '../platform/records/recordStore';
import type { PageChrome, RecordListView, RecordPageView, UserOption } from '../ui/pages/viewModels';
import type { Session } from './sessions';

/** The field sets the record pages show, as a page layout would. */
const DETAIL_FIELDS: Record<string, { field: string; label: string }[]> = {
    Contact: [
        { field: 'Name', label: 'Name' },
        { field: 'Title', label: 'Title' },
        { field: 'Email', label: 'Email' },
        { field: 'MobilePhone', label: 'Mobile' },
        { field: 'Phone', label: 'Phone' }
    ],
    Account: [
        { field: 'Name', label: 'Account Name' },
        { field: 'PersonTitle', label: 'Title' },
        { field: 'PersonEmail', label: 'Email' },
        { field: 'PersonMobilePhone', label: 'Mobile' },
        { field: 'Phone', label: 'Phone' }
    ]
};

const recordHref = (record: StoredRecord) => `/lightning/r/${record.attributes.type}/${record.Id}/view`;

const objectLabelOf = (record: StoredRecord) =>
    record.attributes.type === 'Account' && record['IsPersonAccount'] === true
        ? 'Person Account'
        : record.attributes.type;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

export function userOption(org: MockOrg, user: StoredRecord): UserOption {
    return { id: user.Id, name: String(user['Name']), profileName: org.profileName(user.Id) };
}

export function pageChrome(org: MockOrg, session: Session, title: string, currentPath: string): PageChrome {
    return {
        title,
        runningUser: userOption(org, org.requireUser(session.userId)),
        loginAsOptions: org.users().map((user) => userOption(org, user)),
        currentPath,
        csrfToken: session.csrfToken
    };
}

/** Contacts and Person Accounts the user can see: the client records the Qwil Messenger tab sits on. */
export function recordListView(org: MockOrg, chrome: PageChrome): RecordListView {
    const clients = [
        ...org.visibleRecords(chrome.runningUser.id, 'Contact').filter((contact) => !isPersonContact(org, contact)),
        ...org.visibleRecords(chrome.runningUser.id, 'Account').filter((account) => account['IsPersonAccount'] === true)
    ];
    return {
        ...chrome,
        records: clients.map((record) => ({
            id: record.Id,
            name: String(record['Name']),
            objectLabel: objectLabelOf(record),
            email: text(record['Email'] ?? record['PersonEmail']),
            ownerName: String(org.findUser(String(record['OwnerId']))?.['Name'] ?? ''),
            href: recordHref(record)
        }))
    };
}

function isPersonContact(org: MockOrg, contact: StoredRecord): boolean {
    return org.records.get(String(contact['AccountId'] ?? ''))?.['IsPersonAccount'] === true;
}

export function recordPageView(org: MockOrg, chrome: PageChrome, record: StoredRecord): RecordPageView {
    const owner = org.findUser(String(record['OwnerId']));
    const details = (DETAIL_FIELDS[record.attributes.type] ?? []).map(({ field, label }) => ({
        label,
        value: text(record[field])
    }));
    details.push({ label: 'Owner', value: owner ? String(owner['Name']) : null });
    return {
        ...chrome,
        record: {
            id: record.Id,
            objectApiName: record.attributes.type,
            objectLabel: objectLabelOf(record),
            name: String(record['Name']),
            details,
            related: relatedLists(org, chrome.runningUser.id, record)
        }
    };
}

function relatedLists(org: MockOrg, userId: string, record: StoredRecord): RecordPageView['record']['related'] {
    const link = (related: StoredRecord | undefined) =>
        related ? [{ label: String(related['Name']), href: recordHref(related) }] : [];
    if (record.attributes.type === 'Contact') {
        return [{ title: 'Account', items: link(org.recordVisibleTo(userId, String(record['AccountId'] ?? ''))) }];
    }
    if (record['IsPersonAccount'] === true) return [];
    const contacts = org.visibleRecords(userId, 'Contact').filter((contact) => contact['AccountId'] === record.Id);
    return [
        {
            title: 'Contacts',
            items: contacts.map((contact) => ({ label: String(contact['Name']), href: recordHref(contact) }))
        }
    ];
}
