import { mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFileCredentialStore } from '../credentialStore';

// The org's local store of named credential principals (platform.md §1.6: secrets never in source).
const file = () => path.join(mkdtempSync(path.join(tmpdir(), 'credentials-')), 'named-credentials.json');
const rewrite = (target: string, content: string) => {
    writeFileSync(target, content);
    const later = new Date(statSync(target).mtimeMs + 1000);
    utimesSync(target, later, later);
};

describe('the file credential store', () => {
    it('keeps principals in an owner-only file', () => {
        const target = file();
        createFileCredentialStore(target).set('Qwil', { username: 'key', password: 'secret' });
        expect(createFileCredentialStore(target).get('Qwil')).toEqual({ username: 'key', password: 'secret' });
        expect(statSync(target).mode & 0o777).toBe(0o600);
    });

    it('sees a principal another process wrote while it runs', () => {
        const target = file();
        const store = createFileCredentialStore(target);
        store.set('Qwil', { username: 'old', password: 'old-secret' });
        expect(store.get('Qwil')?.username).toBe('old');
        rewrite(target, JSON.stringify({ Qwil: { username: 'new', password: 'new-secret' } }));
        expect(store.get('Qwil')).toEqual({ username: 'new', password: 'new-secret' });
    });

    it('refuses a file that is not a credential store, naming it', () => {
        const target = file();
        rewrite(target, JSON.stringify({ Qwil: { username: 'key' } }));
        expect(() => createFileCredentialStore(target).get('Qwil')).toThrow(
            /named-credentials\.json: not a valid named credential store/
        );
    });
});
