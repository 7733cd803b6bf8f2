import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { credentialsFromStore, credentialsFromText, parseProbeArgs, ProbeUsageError } from '../probeArgs';

// The probe's command line and credential input: bad input is refused with the reason, before any call.
describe('parseProbeArgs', () => {
    it('takes the region URL, an optional staff email and store, without a trailing slash', () => {
        expect(
            parseProbeArgs([
                '--url',
                'https://eu.qwil.io/',
                '--email',
                'olivia@example.com',
                '--store',
                '.local/named-credentials.json'
            ])
        ).toEqual({
            url: 'https://eu.qwil.io',
            email: 'olivia@example.com',
            store: '.local/named-credentials.json',
            help: false
        });
    });

    it('allows http only to this machine, where the secret does not cross a network', () => {
        expect(parseProbeArgs(['--url', 'http://127.0.0.1:3000/__qwil/eu.qwil.io']).url).toBe(
            'http://127.0.0.1:3000/__qwil/eu.qwil.io'
        );
        expect(() => parseProbeArgs(['--url', 'http://eu.qwil.io'])).toThrow(
            '--url must be https (http only to this machine), got http://eu.qwil.io'
        );
    });

    it.each([
        [[], '--url is required'],
        [['--url', 'eu.qwil.io'], '--url is not a URL: eu.qwil.io'],
        [['--url', 'https://eu.qwil.io?x=1'], '--url takes no query'],
        [['--url', 'https://key:secret@eu.qwil.io'], '--url takes no query, fragment or credentials'],
        [['--url', 'https://eu.qwil.io', '--email', 'not-an-email'], '--email is not an email address'],
        [['--url', 'https://eu.qwil.io', '--secret', 'x'], "Unknown option '--secret'"],
        [['--url', 'https://eu.qwil.io', 'extra'], 'extra']
    ])('refuses %j: %s', (argv, reason) => {
        expect(() => parseProbeArgs(argv)).toThrow(ProbeUsageError);
        expect(() => parseProbeArgs(argv)).toThrow(reason);
    });

    it('answers --help without needing a URL', () => {
        expect(parseProbeArgs(['--help']).help).toBe(true);
    });
});

describe('credentials', () => {
    it('reads the key and the secret from two lines of standard input', () => {
        expect(credentialsFromText('\n  sys_key \nthe secret\n\n')).toEqual({
            system: { key: 'sys_key', secret: 'the secret' }
        });
    });

    it('reads a Master User key and secret from lines three and four', () => {
        expect(credentialsFromText('sys_key\nsys secret\nmaster_key\nmaster secret\n')).toEqual({
            system: { key: 'sys_key', secret: 'sys secret' },
            master: { key: 'master_key', secret: 'master secret' }
        });
    });

    it.each(['', 'only-a-key\n', 'a\nb\nc\n', 'a\nb\nc\nd\ne\n'])(
        'refuses input that is not two or four lines: %j',
        (input) => {
            expect(() => credentialsFromText(input)).toThrow(
                'standard input must hold two lines, the key and then the secret, or four'
            );
        }
    );

    describe('from the local credential store', () => {
        let dir: string;
        beforeEach(() => {
            dir = mkdtempSync(path.join(tmpdir(), 'probe-store-'));
        });
        afterEach(() => rmSync(dir, { recursive: true, force: true }));

        it("reads the connector's named credential principal", () => {
            const file = path.join(dir, 'named-credentials.json');
            writeFileSync(
                file,
                JSON.stringify({ Qwil_Messenger_Salesforce_Connector: { username: 'sys_key', password: 's3cret' } })
            );
            expect(credentialsFromStore(file)).toEqual({ system: { key: 'sys_key', secret: 's3cret' } });
        });

        it('also reads the optional chat-service credential (a Master User key)', () => {
            const file = path.join(dir, 'named-credentials.json');
            const principals = {
                Qwil_Messenger_Salesforce_Connector: { username: 'sys_key', password: 's3cret' },
                Qwil_Messenger_Chat_Service: { username: 'master_key', password: 'm4ster' }
            };
            writeFileSync(file, JSON.stringify(principals));
            expect(credentialsFromStore(file)).toEqual({
                system: { key: 'sys_key', secret: 's3cret' },
                master: { key: 'master_key', secret: 'm4ster' }
            });
        });

        it('names the problem when the store has no principal for the connector', () => {
            const file = path.join(dir, 'named-credentials.json');
            writeFileSync(file, JSON.stringify({ Other: { username: 'a', password: 'b' } }));
            expect(() => credentialsFromStore(file)).toThrow(
                `${file} holds no principal for the named credential Qwil_Messenger_Salesforce_Connector`
            );
        });

        it('names the problem when the store is not a credential store', () => {
            const file = path.join(dir, 'named-credentials.json');
            writeFileSync(file, JSON.stringify({ Qwil_Messenger_Salesforce_Connector: 'nope' }));
            expect(() => credentialsFromStore(file)).toThrow(ProbeUsageError);
        });
    });
});
