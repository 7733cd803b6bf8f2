const BASE = new URL('http://mock-org.invalid/');

/** Characters browsers strip or reinterpret in a URL: backslash (read as `/`), whitespace and controls. */
const AMBIGUOUS = /[\\\s\p{Cc}]/u;

/**
 * A same-origin path to redirect to, or `fallback`. Refuses anything a browser could read as
 * another host: `//host`, `/\host`, `/<TAB>/host`, and the same with percent-escapes (`/%2F/host`,
 * `/%5Chost`, `%09`), since a path that needs escaped slashes or controls is never one of ours.
 */
export function sameOriginPath(candidate: string | null | undefined, fallback: string): string {
    if (!candidate || !candidate.startsWith('/')) return fallback;
    let decoded: string;
    try {
        decoded = decodeURIComponent(candidate);
    } catch {
        return fallback;
    }
    for (const form of [candidate, decoded]) {
        if (AMBIGUOUS.test(form) || form.startsWith('//')) return fallback;
    }
    const resolved = new URL(candidate, BASE);
    // Dot segments can resolve to `//host` (`/.//host`, `/..//host`), which a browser reads as another site.
    if (resolved.origin !== BASE.origin || resolved.pathname.startsWith('//')) return fallback;
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
