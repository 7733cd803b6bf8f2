import { Metadata } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import {
    isSupportedCountry,
    parsePhoneNumberFromString,
    type CountryCode,
    type NumberType,
    type PhoneNumber
} from 'libphonenumber-js/max';
import type { PhoneCheck } from '../contracts/QwilConnectorController';

/** Where national numbers get their country code: the running user's Salesforce locale (en_GB → GB). */
export interface DefaultCountry {
    readonly country: CountryCode;
    readonly source: string;
}

const FALLBACK_COUNTRY: CountryCode = 'GB';
/** Qwil sends the secure code by SMS: only numbers that reach a mobile phone will do (US and Canada do not tell the two apart). */
const MOBILE_TYPES = new Set<NumberType>(['MOBILE', 'FIXED_LINE_OR_MOBILE']);
const EXAMPLE = '+447768887464';
const WHY_MOBILE = "Qwil sends the secure code by SMS, so it needs the client's mobile number.";
const LETTERS = /\p{L}/u;
const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

export function defaultCountryOfLocale(locale: string): DefaultCountry {
    const country = /^[a-z]{2,3}_([A-Z]{2})/.exec(locale)?.[1];
    return country && isSupportedCountry(country)
        ? { country, source: `your Salesforce locale (${locale})` }
        : {
              country: FALLBACK_COUNTRY,
              source: `the connector's default (${FALLBACK_COUNTRY}), as your Salesforce locale (${locale}) names no country`
          };
}

/** The lengths of the country's mobile numbers after the country code (all its lengths when it has no separate mobile plan). */
function mobileLengths(country: CountryCode): readonly number[] {
    const metadata = new Metadata(maxMetadata);
    metadata.selectNumberingPlan(country);
    // NumberingPlan.type() is in libphonenumber-js but not in its type declarations.
    const plan = metadata.numberingPlan as unknown as {
        type(type: 'MOBILE'): { possibleLengths(): number[] } | undefined;
        possibleLengths(): number[];
    };
    return plan.type('MOBILE')?.possibleLengths() ?? plan.possibleLengths();
}

/** "10", "9 or 10", "6 to 10". */
function lengthWords(lengths: readonly number[]): string {
    const first = lengths[0] ?? 0;
    const last = lengths[lengths.length - 1] ?? 0;
    if (lengths.length === 1) return String(first);
    if (last - first === lengths.length - 1 && lengths.length > 2) return `${first} to ${last}`;
    return `${lengths.slice(0, -1).join(', ')} or ${last}`;
}

/** The country a number's calling code belongs to: the parsed one, else the calling code's main country (+1 → US). */
function countryOf(parsed: PhoneNumber): CountryCode | undefined {
    return (
        parsed.country ?? (maxMetadata.country_calling_codes[parsed.countryCallingCode]?.[0] as CountryCode | undefined)
    );
}

function whyNotMobile(trimmed: string, parsed: PhoneNumber): string {
    const country = countryOf(parsed);
    const callingCode = `+${parsed.countryCallingCode}`;
    if (!country) {
        return `"${trimmed}" is not a mobile number Qwil can use: no country uses ${callingCode} for mobile numbers. ${WHY_MOBILE}`;
    }
    const region = `${COUNTRY_NAMES.of(country) ?? country} (${callingCode})`;
    const lengths = mobileLengths(country);
    const digits = parsed.nationalNumber.length;
    const shortest = Math.min(...lengths);
    const longest = Math.max(...lengths);
    if (digits < shortest || digits > longest) {
        return `"${trimmed}" is too ${digits < shortest ? 'short' : 'long'} for a mobile number: ${region} mobile numbers have ${lengthWords(lengths)} digits after the country code, this one has ${digits}. ${WHY_MOBILE}`;
    }
    return `"${trimmed}" is not a mobile number: its digits are outside the mobile ranges for ${region}. ${WHY_MOBILE}`;
}

/**
 * Reads a phone number the way Qwil needs it: a valid mobile number in international format with
 * "+" and no spaces ("07400 123456" with a UK default becomes "+447400123456"). Valid means in a
 * range the country uses for mobile numbers, as libphonenumber-js's full metadata says: Ofcom's
 * drama range 07700 900xxx and landlines are refused, each with the reason.
 */
export function checkInvitationPhone(input: string | null, defaultCountry: DefaultCountry): PhoneCheck {
    const trimmed = input?.trim() ?? '';
    if (trimmed === '') {
        return {
            input: input ?? null,
            international: null,
            problem: `No invitation phone number. Qwil needs a mobile number to send the secure SMS code, e.g. ${EXAMPLE}.`
        };
    }
    // Letters (vanity numbers, "ext. 12") are refused, as the Apex twin does, rather than read as digits.
    const parsed = LETTERS.test(trimmed) ? undefined : parsePhoneNumberFromString(trimmed, defaultCountry.country);
    if (!parsed) {
        return {
            input,
            international: null,
            problem: `"${trimmed}" is not a phone number Qwil can use. Enter it in international format starting with "+" and the country code, e.g. ${EXAMPLE} (numbers without "+" are read as ${defaultCountry.country} numbers).`
        };
    }
    const type = parsed.isValid() ? parsed.getType() : undefined;
    if (!type || !MOBILE_TYPES.has(type)) {
        return { input, international: null, problem: whyNotMobile(trimmed, parsed) };
    }
    return { input, international: parsed.number, problem: null };
}
