import { unjustifiedSuppressions } from '../suppressions';

describe('the PMD suppression check', () => {
    it('accepts suppressions justified where they stand and ignores other SuppressWarnings', () => {
        const source = `public with sharing class Settings {
    // Every field is part of the contract the LWC reads.
    @SuppressWarnings('PMD.TooManyFields')
    public class View { public String a; }
    @SuppressWarnings('PMD.ExcessiveParameterList') // the Aura method takes the LWC's parameters
    public static void save(String a) { System.debug(a); } // NOPMD logged for the administrator
    @SuppressWarnings('unchecked')
    public static void other() { return; }
}`;
        expect(unjustifiedSuppressions(source, 'Settings.cls')).toEqual([]);
    });

    it('reports a bare NOPMD and an annotation without a comment on its line or the line above', () => {
        const source = `public with sharing class Settings {
    public static void save(String a) { System.debug(a); } // NOPMD

    @SuppressWarnings('PMD.ApexCRUDViolation')
    public static void other() { return; }
}`;
        expect(unjustifiedSuppressions(source, 'Settings.cls')).toEqual([
            'Settings.cls:2: // NOPMD without a justification after it',
            "Settings.cls:4: @SuppressWarnings('PMD…') without a justification comment on its line or the line above"
        ]);
    });
});
