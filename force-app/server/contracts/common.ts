import { z } from 'zod';

/** A 15 or 18 character Salesforce record id. */
export const SalesforceId = z
    .string()
    .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'must be a 15 or 18 character Salesforce record id');
