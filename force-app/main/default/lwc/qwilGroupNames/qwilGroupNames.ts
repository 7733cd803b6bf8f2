/** `name`, or the first of "name 2", "name 3"… that no existing group has (names compared ignoring case). */
export function freeName(name: string, takenNames: readonly string[]): string {
    const taken = new Set(takenNames.map((existing) => existing.trim().toLowerCase()));
    let candidate = name;
    for (let suffix = 2; taken.has(candidate.toLowerCase()); suffix++) {
        candidate = `${name} ${suffix}`;
    }
    return candidate;
}
