import { staffWordProblems } from '../staffWords';

describe('the staff wording rule', () => {
    it.each([
        [
            'No Qwil client was found for the Salesforce record ID 003Qw0000000005IAA.',
            'a Salesforce record id: "003Qw0000000005IAA"'
        ],
        ['Identifier 003000000000001', 'a Salesforce record id: "003000000000001"'],
        ['Owner a0B5e00000AbCdE stays', 'a Salesforce record id: "a0B5e00000AbCdE"'],
        ['Qwil refused the request (QX010): the key lacks the permission', 'a Qwil error code: "QX010"'],
        ['Member 6f1c2a10-4b7e-4c55-9a1d-2f3e4d5c6b7a', 'a Qwil uuid: "6f1c2a10-4b7e-4c55-9a1d-2f3e4d5c6b7a"'],
        ['This client has status active in Qwil', 'a lower-case Qwil status value: "status active"'],
        ['not_invited', 'a lower-case Qwil status value: "not_invited"']
    ])('finds the raw value in "%s"', (text, problem) => {
        expect(staffWordProblems(text)).toEqual([problem]);
    });

    it('lets ids and codes stand in the administrator detail, and passes staff words', () => {
        expect(
            staffWordProblems(
                'Qwil refused the request. Detail for administrators: Qwil answered HTTP 403 with code QX010 for 003Qw0000000005IAA. Try again.'
            )
        ).toEqual([]);
        expect(
            staffWordProblems(
                'Relationship manager Olivia Hart · Active · Invited 2 Mar 2026, +447700010005, HART-0042, Wei Relationship'
            )
        ).toEqual([]);
    });
});
