/**
 * @jest-environment jsdom
 */
import { renderMessagePage, renderRecordListPage, renderRecordPage } from '..';
import type { PageChrome, RecordListView, RecordPageView } from '../viewModels';

const olivia = { id: '005000000000001AAA', name: 'Olivia Hart', profileName: 'Wealth Advisor' };
const james = { id: '005000000000002AAA', name: 'James Patel', profileName: 'Standard User' };

function chrome(currentPath: string): PageChrome {
    return {
        title: 'Eleanor Whitfield',
        runningUser: olivia,
        loginAsOptions: [james, olivia],
        currentPath,
        csrfToken: 'token'
    };
}

const record: RecordPageView['record'] = {
    id: '003000000000001AAA',
    objectApiName: 'Contact',
    objectLabel: 'Contact',
    name: 'Eleanor Whitfield',
    details: [
        { label: 'Email', value: 'eleanor.whitfield@example.com' },
        { label: 'Phone', value: null }
    ],
    related: [
        {
            title: 'Account',
            items: [{ label: 'Whitfield Family Office', href: '/lightning/r/Account/001000000000001AAA/view' }]
        }
    ]
};

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('every page', () => {
    const document = parse(renderRecordPage({ ...chrome('/lightning/r/Contact/003000000000001AAA/view'), record }));

    it('loads SLDS and scopes the body', () => {
        expect(document.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toBe(
            '/assets/styles/salesforce-lightning-design-system.min.css'
        );
        expect(document.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('data:,');
        expect(document.body.classList.contains('slds-scope')).toBe(true);
        expect(document.documentElement.lang).toBe('en');
    });

    it('has a "Log in as" form that works without JavaScript and comes back to the same page', () => {
        const form = document.querySelector('form')!;
        expect(form.method).toBe('post');
        expect(form.getAttribute('action')).toBe('/login-as');
        const select = form.querySelector('select')!;
        expect(select.name).toBe('userId');
        expect(document.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Log in as');
        expect(select.selectedOptions[0]?.value).toBe(olivia.id);
        expect(Array.from(select.options, (option) => option.textContent)).toEqual([
            'James Patel (Standard User)',
            'Olivia Hart (Wealth Advisor)'
        ]);
        expect(form.querySelector<HTMLInputElement>('input[name="returnTo"]')?.value).toBe(
            '/lightning/r/Contact/003000000000001AAA/view'
        );
        expect(form.querySelector('button[type="submit"]')?.textContent).toBe('Switch user');
    });

    it('escapes every value it shows', () => {
        const hostile = `<img src=x onerror="alert(1)">'&`;
        const html = renderRecordPage({
            title: hostile,
            runningUser: { id: hostile, name: hostile, profileName: hostile },
            loginAsOptions: [{ id: hostile, name: hostile, profileName: hostile }],
            currentPath: hostile,
            csrfToken: hostile,
            record: {
                id: hostile,
                objectApiName: hostile,
                objectLabel: hostile,
                name: hostile,
                details: [{ label: hostile, value: hostile }],
                related: [{ title: hostile, items: [{ label: hostile, href: hostile }] }]
            }
        });
        expect(html).not.toContain('<img');
        expect(html).not.toMatch(/="alert/);
        expect(parse(html).querySelector('h1')?.textContent).toBe(hostile);
    });
});

describe('renderRecordPage', () => {
    const document = parse(renderRecordPage({ ...chrome('/lightning/r/Contact/003000000000001AAA/view'), record }));

    it('shows the object and the record name in the header', () => {
        expect(document.querySelector('h1')?.textContent).toBe('Eleanor Whitfield');
        expect(document.querySelector('.slds-page-header__name-meta')?.textContent).toBe('Contact');
        expect(document.title).toBe('Eleanor Whitfield | Qwil Messenger (mock org)');
    });

    it('has the Details, Related and Qwil Messenger tabs, Details selected, each tab controlling its panel', () => {
        const tabs = Array.from(document.querySelectorAll('[role="tablist"] [role="tab"]'));
        expect(tabs.map((tab) => tab.textContent)).toEqual(['Details', 'Related', 'Qwil Messenger']);
        expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);
        expect(tabs.map((tab) => tab.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
        for (const tab of tabs) {
            const panel = document.getElementById(tab.getAttribute('aria-controls')!);
            expect(panel?.getAttribute('role')).toBe('tabpanel');
            expect(panel?.getAttribute('aria-labelledby')).toBe(tab.id);
        }
    });

    it('shows the details and the related lists', () => {
        const details = Array.from(document.querySelectorAll('.slds-form__item'), (item) =>
            item.textContent?.replace(/\s+/g, ' ').trim()
        );
        expect(details).toEqual(['Email eleanor.whitfield@example.com', 'Phone']);
        expect(document.querySelector('.slds-card__header-title')?.textContent).toBe('Account (1)');
        expect(document.querySelector('.slds-card a')?.getAttribute('href')).toBe(
            '/lightning/r/Account/001000000000001AAA/view'
        );
    });

    it('leaves an empty Qwil Messenger panel for the entry script, which it loads as a module', () => {
        const panel = document.querySelector<HTMLElement>('#panel-qwil-messenger [data-qwil-messenger-panel]');
        expect(panel?.dataset).toMatchObject({ recordId: '003000000000001AAA', objectApiName: 'Contact' });
        expect(panel?.childElementCount).toBe(0);
        const script = document.querySelector('script')!;
        expect(script.type).toBe('module');
        expect(script.getAttribute('src')).toBe('/preview/recordPage.js');
    });
});

describe('renderRecordListPage', () => {
    const listView = (records: RecordListView['records']): RecordListView => ({
        ...chrome('/lightning/o/Contact/list'),
        title: 'Contacts',
        records
    });

    it('lists the records with links to their record pages', () => {
        const document = parse(
            renderRecordListPage(
                listView([
                    {
                        id: '003000000000001AAA',
                        name: 'Eleanor Whitfield',
                        objectLabel: 'Contact',
                        email: null,
                        ownerName: 'Olivia Hart',
                        href: '/lightning/r/Contact/003000000000001AAA/view'
                    }
                ])
            )
        );
        const cells = Array.from(document.querySelectorAll('tbody tr > *'), (cell) => cell.textContent);
        expect(cells).toEqual(['Eleanor Whitfield', 'Contact', '', 'Olivia Hart']);
        expect(document.querySelector('tbody a')?.getAttribute('href')).toBe(
            '/lightning/r/Contact/003000000000001AAA/view'
        );
        expect(document.querySelector('h1')?.textContent).toBe('Contacts');
        expect(document.querySelector('nav a[aria-current="page"]')?.textContent).toBe('Contacts');
        expect(document.querySelector('script')).toBeNull();
    });

    it('says so when there is nothing to list', () => {
        const document = parse(renderRecordListPage(listView([])));
        expect(document.querySelector('table')).toBeNull();
        expect(document.querySelector('main')?.textContent).toContain('No records to display.');
    });
});

describe('renderMessagePage', () => {
    it('shows the heading and the message, with a way back', () => {
        const document = parse(
            renderMessagePage({
                ...chrome('/lightning/r/Contact/003000000000001AAA/view'),
                title: 'Insufficient Privileges',
                heading: 'Insufficient Privileges',
                message: 'You do not have the level of access necessary.',
                status: 403
            })
        );
        expect(document.querySelector('h1')?.textContent).toBe('Insufficient Privileges');
        expect(document.querySelector('main')?.textContent).toContain('You do not have the level of access necessary.');
        expect(document.querySelector('main a')?.getAttribute('href')).toBe('/lightning/o/Contact/list');
        expect(document.querySelector('script')).toBeNull();
    });
});
