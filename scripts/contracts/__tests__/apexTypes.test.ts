import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { auraEnabled, type ApexClassDefinition } from '../../../force-app/server/platform/auraEnabled';
import { APEX_TYPES_FILE, expectedApexTypes } from '../apexTypes';

describe('force-app/types/apex.d.ts, the types components import server methods by', () => {
    it('declares every controller method with the parameters and result its controller declares (regenerate with npx tsx scripts/contracts/apexTypes.ts)', () => {
        expect(readFileSync(APEX_TYPES_FILE, 'utf8')).toBe(expectedApexTypes());
    });

    it('cannot be written for a method whose schema is not a named contract export, and says which method', () => {
        const inline: ApexClassDefinition = {
            name: 'QwilInlineController',
            apiVersion: '67.0',
            sharing: 'with sharing',
            methods: {
                load: auraEnabled({
                    cacheable: false,
                    params: z.object({ recordId: z.string() }),
                    result: z.null(),
                    run: async () => null
                })
            }
        };
        expect(() => expectedApexTypes([inline])).toThrow(
            'QwilInlineController.load parameters: its schema is not an export of force-app/server/contracts'
        );
    });
});
