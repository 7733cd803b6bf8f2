import { checkInvitationPhone, defaultCountryOfLocale } from '../invitationPhone';

const ukUser = defaultCountryOfLocale('en_GB');
const WHY = "Qwil sends the secure code by SMS, so it needs the client's mobile number.";

function read(input: string | null, locale = 'en_GB') {
    return checkInvitationPhone(input, defaultCountryOfLocale(locale));
}

// The same cases as QwilInvitationPhone_Test.cls: the two runtimes agree on each.
describe('checkInvitationPhone', () => {
    it.each([
        ['07400 123456', 'en_GB', '+447400123456'],
        ['+44 (0) 7400 123456', 'en_GB', '+447400123456'],
        ['0044 7400 123456', 'en_GB', '+447400123456'],
        ['011 44 7400 123456', 'en_US', '+447400123456'],
        ['(202) 555-0123', 'en_US', '+12025550123'],
        ['+1 202 555 0123', 'en_GB', '+12025550123'],
        ['06 12 34 56 78', 'fr_FR', '+33612345678'],
        ['0412 345 678', 'en_AU', '+61412345678'],
        ['+46 70 123 45 67', 'en_GB', '+46701234567'],
        ['+7 912 345 67 89', 'en_GB', '+79123456789']
    ])('sends the mobile number %s (locale %s) as %s', (input, locale, international) => {
        expect(read(input, locale)).toEqual({ input, international, problem: null });
    });

    it('says a number one digit short is too short for a UK mobile number', () => {
        expect(read('+44 7700 91000').problem).toBe(
            `"+44 7700 91000" is too short for a mobile number: United Kingdom (+44) mobile numbers have 10 digits after the country code, this one has 9. ${WHY}`
        );
    });

    it('says a number too long for every German mobile length is too long, naming the lengths', () => {
        expect(read('+49 1512 345678901').problem).toBe(
            `"+49 1512 345678901" is too long for a mobile number: Germany (+49) mobile numbers have 10 or 11 digits after the country code, this one has 13. ${WHY}`
        );
    });

    it.each(['0121 496 0000', '07700 900123'])(
        'refuses %s, a landline or Ofcom drama number of mobile length, as outside the mobile ranges',
        (input) => {
            expect(read(input)).toEqual({
                input,
                international: null,
                problem: `"${input}" is not a mobile number: its digits are outside the mobile ranges for United Kingdom (+44). ${WHY}`
            });
        }
    );

    it.each(['1-800-FLOWERS', '07400 123456 ext. 12', 'abc', '+0 7400 123456'])(
        'refuses %s as not a phone number, saying how to write one',
        (input) => {
            expect(read(input).problem).toBe(
                `"${input}" is not a phone number Qwil can use. Enter it in international format starting with "+" and the country code, e.g. +447768887464 (numbers without "+" are read as GB numbers).`
            );
        }
    );

    it('says a missing number is needed for the SMS code', () => {
        expect(checkInvitationPhone('  ', ukUser)).toEqual({
            input: '  ',
            international: null,
            problem:
                'No invitation phone number. Qwil needs a mobile number to send the secure SMS code, e.g. +447768887464.'
        });
        expect(checkInvitationPhone(null, ukUser).input).toBeNull();
    });
});

describe('defaultCountryOfLocale', () => {
    it('reads the country of the locale, else falls back to GB saying why', () => {
        expect(defaultCountryOfLocale('fr_FR_EURO')).toEqual({
            country: 'FR',
            source: 'your Salesforce locale (fr_FR_EURO)'
        });
        expect(defaultCountryOfLocale('en')).toEqual({
            country: 'GB',
            source: "the connector's default (GB), as your Salesforce locale (en) names no country"
        });
    });
});
