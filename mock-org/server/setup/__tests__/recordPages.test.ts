import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../projectRoot';
import { readRecordPages } from '../recordPages';

// Step 5: which record pages carry qwilChatTabsMenu in a "Qwil Messenger" tab (platform.md §6.2).
const CONTACT_PAGE = 'Qwil_Contact_Record_Page.flexipage-meta.xml';

it('finds the component in the Qwil Messenger tab of the package’s Contact and Person Account pages', () => {
    const pages = readRecordPages(path.join(PROJECT_ROOT, 'force-app', 'main', 'default'));
    expect(pages.map(({ label, object, componentInQwilTab }) => ({ label, object, componentInQwilTab }))).toEqual([
        { label: 'Qwil Contact Record Page', object: 'Contact', componentInQwilTab: true },
        { label: 'Qwil Person Account Record Page', object: 'Account', componentInQwilTab: true }
    ]);
});

it('tells a page whose tab has another title, or whose component sits outside the tab', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'flexipages-'));
    try {
        cpSync(
            path.join(PROJECT_ROOT, 'force-app', 'main', 'default', 'flexipages', CONTACT_PAGE),
            path.join(dir, 'flexipages', CONTACT_PAGE)
        );
        const file = path.join(dir, 'flexipages', CONTACT_PAGE);
        writeFileSync(
            file,
            readFileSync(file, 'utf8').replace('<value>Qwil Messenger</value>', '<value>Messages</value>')
        );
        expect(readRecordPages(dir)).toEqual([
            expect.objectContaining({ hasQwilTab: false, componentInQwilTab: false, hasComponent: true })
        ]);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
