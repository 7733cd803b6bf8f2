import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CalloutException } from '../../platform/http';
import { describeQwilFailure, KNOWN_CODES } from '../qwilErrorMessages';
import { QwilApiError } from '../qwilTransport';

// Every code Qwil's samples handle (QwilSdk.cls, QwilSdkAuth.cls) gets a staff message without the
// code and, for administrators, what it means and how to fix it.
const SAMPLE_CODES = [
    'RU001',
    'RU002',
    'RF736',
    'RF841',
    'RF024',
    'RN006',
    'RN900',
    'RN902',
    'RB035',
    'RB785',
    'RF731',
    'RF888'
];

describe.each(SAMPLE_CODES)('Qwil code %s', (code) => {
    const error = new QwilApiError(400, code, 'no message in the answer');

    it('gives staff a message of its own, without the code', () => {
        const staff = describeQwilFailure(error, 'staff');
        expect(staff).not.toContain(code);
        expect(staff).not.toMatch(/^Qwil refused the request|Detail for administrators/);
    });

    it('gives administrators the code, its meaning and the fix after the staff message', () => {
        const staff = describeQwilFailure(error, 'staff') ?? '';
        const administrator = describeQwilFailure(error, 'administrator') ?? '';
        expect(administrator.startsWith(`${staff} Detail for administrators: `)).toBe(true);
        expect(administrator.slice(staff.length)).toMatch(
            new RegExp(
                `^ Detail for administrators: Qwil answered HTTP 400 with code ${code} \\(.+\\)\\. To fix it: .+\\.$`
            )
        );
    });
});

it('tells an administrator exactly what to do about a key Qwil does not accept (RU001)', () => {
    expect(describeQwilFailure(new QwilApiError(401, 'RU001', 'no message in the answer'), 'administrator')).toBe(
        'Qwil Messenger cannot sign in to Qwil: the System API key in the named credential is not accepted. Ask your administrator to check the named credential Qwil_Messenger_Salesforce_Connector.' +
            ' Detail for administrators: Qwil answered HTTP 401 with code RU001 (the API key or its secret is not valid). To fix it: in Setup, enter both again in the named credential Qwil_Messenger_Salesforce_Connector, exactly as Qwil showed them when the key was created.'
    );
});

it('treats a code named like an object property as unknown: staff get a next step, administrators the code', () => {
    const error = new QwilApiError(409, 'constructor', 'odd');
    expect(describeQwilFailure(error, 'staff')).toBe(
        'This conflicts with a change made in Qwil meanwhile. Reopen the tab to see the current state, then try again if it is still needed.'
    );
    expect(describeQwilFailure(error, 'administrator')).toMatch(
        /Detail for administrators: Qwil answered HTTP 409 with code constructor: odd\.$/
    );
});

it('words every code the same in the Apex twin', () => {
    const apex = readFileSync(join(__dirname, '../../../main/default/classes/QwilErrorMessages.cls'), 'utf8');
    const quoted = (text: string | undefined) => (text === undefined ? 'null' : `'${text.replace(/'/g, "\\'")}'`);
    const DISABLED = 'Qwil is currently disabled for this organisation. Contact your Qwil administrator.';
    for (const [code, { staff, cause, fix }] of Object.entries(KNOWN_CODES)) {
        expect(apex).toContain(
            `'${code}' => new KnownCode(${staff === DISABLED ? 'DISABLED' : quoted(staff)}, ${quoted(cause)}, ${quoted(fix)})`
        );
    }
});

it("keeps the platform's text of a failed callout for administrators: staff get only what to do", () => {
    const unreachable = new CalloutException(
        'Unauthorized endpoint, please check Setup->Security->Remote site settings.'
    );
    const staffMessage =
        'Qwil Messenger could not reach Qwil. Ask your administrator to check the named credential Qwil_Messenger_Salesforce_Connector.';
    expect(describeQwilFailure(unreachable, 'staff')).toBe(staffMessage);
    expect(describeQwilFailure(unreachable, 'administrator')).toBe(
        `${staffMessage} Detail for administrators: the callout failed with: Unauthorized endpoint, please check Setup->Security->Remote site settings..`
    );
});
