import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The principal of a named credential: never in source, kept by the org (here: an ignored local file). */
export const CredentialPrincipal = z.strictObject({
    username: z.string().min(1),
    password: z.string().min(1)
});
export type CredentialPrincipal = z.infer<typeof CredentialPrincipal>;

const CredentialFile = z.record(z.string(), CredentialPrincipal);

export interface CredentialStore {
    get(namedCredential: string): CredentialPrincipal | undefined;
    set(namedCredential: string, principal: CredentialPrincipal): void;
}

export function createMemoryCredentialStore(initial: Record<string, CredentialPrincipal> = {}): CredentialStore {
    const principals = new Map(Object.entries(initial));
    return {
        get: (name) => principals.get(name),
        set: (name, principal) => void principals.set(name, CredentialPrincipal.parse(principal))
    };
}

/**
 * A JSON file of principals by named credential name, written with owner-only permissions. It is
 * read again only when the file changed (a setup command may write it while the server runs), so
 * a callout does not parse it each time.
 */
export function createFileCredentialStore(file: string): CredentialStore {
    let cached: { readonly modifiedMs: number; readonly principals: Record<string, CredentialPrincipal> } | undefined;
    const read = (): Record<string, CredentialPrincipal> => {
        if (!existsSync(file)) return {};
        const modifiedMs = statSync(file).mtimeMs;
        if (cached?.modifiedMs === modifiedMs) return cached.principals;
        const parsed = CredentialFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        if (!parsed.success)
            throw new Error(
                `${file}: not a valid named credential store (${parsed.error.issues[0]?.message ?? 'invalid'})`
            );
        cached = { modifiedMs, principals: parsed.data };
        return parsed.data;
    };
    return {
        get: (name) => read()[name],
        set: (name, principal) => {
            const all = { ...read(), [name]: CredentialPrincipal.parse(principal) };
            mkdirSync(path.dirname(file), { recursive: true });
            writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
            cached = undefined;
        }
    };
}
