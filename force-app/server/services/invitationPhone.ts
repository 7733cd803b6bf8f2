import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { PhoneCheck } from '../contracts/QwilConnectorController';

/** Where national numbers get their country code: the running user's Salesforce locale (en_GB → GB). */
export interface DefaultCountry {
    readonly country: CountryCode;
    readonly source: string;
}

const FALLBACK_COUNTRY: CountryCode = 'GB';

export function defaultCountryOfLocale(locale: string): DefaultCountry {
    const country = /^[a-z]{2,3}_([A-Z]{2})/.exec(locale)?.[1];
    return country && isSupportedCountry(country)
        ? { country, source: `your Salesforce locale (${locale})` }
        : {
              country: FALLBACK_COUNTRY,
              source: `the connector's default (${FALLBACK_COUNTRY}), as your Salesforce locale (${locale}) names no country`
          };
}

/**
 * Reads a phone number the way Qwil needs it: international format with "+" and no spaces
 * ("07700 910005" with a UK default becomes "+447700910005"). Length and country code are
 * checked, not whether the number is allocated: Ofcom's drama range 07700 900xxx is accepted.
 */
export function checkInvitationPhone(input: string | null, defaultCountry: DefaultCountry): PhoneCheck {
    const trimmed = input?.trim() ?? '';
    if (trimmed === '') {
        return {
            input: input ?? null,
            international: null,
            problem:
                'No invitation phone number. Qwil needs a mobile number to send the secure SMS code, e.g. +447700910005.'
        };
    }
    const parsed = parsePhoneNumberFromString(trimmed, defaultCountry.country);
    if (!parsed || !parsed.isPossible()) {
        return {
            input,
            international: null,
            problem: `"${trimmed}" is not a phone number Qwil can use. Enter it in international format starting with "+" and the country code, e.g. +447700910005 (numbers without "+" are read as ${defaultCountry.country} numbers).`
        };
    }
    return { input, international: parsed.number, problem: null };
}
