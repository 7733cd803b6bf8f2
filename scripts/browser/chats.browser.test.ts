// Chats in real Chromium: an advisor opens a chat with her client, sends a message and sees it
// appear once, in the page and in Qwil.
import { SLOW_TEST_TIMEOUT_MS } from '../../mock-org/testing/testLimits';
import { DEMO } from '../../mock-org/qwil';
import { accessibilityViolations } from './accessibility';
import { useMockOrgInChromium } from './mockOrgInChromium';
import { logInAs, openContact, openQwilMessengerTab } from './recordPageActions';

jest.setTimeout(SLOW_TEST_TIMEOUT_MS);

const session = useMockOrgInChromium();

const storedTexts = () =>
    session()
        .server.qwil.control.snapshot()
        .chats.find((chat) => chat.chat_uuid === DEMO.chats.eleanorPortfolioReview)
        ?.messages.map((m) => m.text) ?? [];

test('an advisor opens a chat with her client, sends a message and sees it once', async () => {
    const { server, page, problems } = session();
    await page.goto(server.url);
    await logInAs(page, 'Olivia Hart');
    await openContact(page, 'Eleanor Whitfield');
    const panel = await openQwilMessengerTab(page);

    await panel.getByRole('link', { name: 'Chats' }).click();
    const chats = panel.getByRole('list', { name: 'Chats' });
    await chats.getByRole('button', { name: 'Q3 portfolio review' }).click();
    const messages = panel.getByRole('list', { name: 'Messages' });
    await messages.getByText('Thursday at 10:00 works for me.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const text = `Confirmed: Thursday 10:00 <b>in the office</b> (${Date.now()}).`;
    await panel.getByRole('textbox', { name: 'Message' }).fill(text);
    await panel.getByText(`${text.length} / 5000`).waitFor();
    await panel.getByRole('button', { name: 'Send' }).click();

    await messages.getByText(text, { exact: true }).waitFor();
    expect(await messages.getByText(text, { exact: true }).count()).toBe(1);
    expect(await panel.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('');
    expect(storedTexts().filter((stored) => stored === text)).toHaveLength(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
});
