import { z } from 'zod';
import { type ApexClass, parseApexClass } from '../apexSource';
import type { ZodLike } from '../contractTypes';
import { checkParity, type ContractName, type ParityInput, type TypeScriptController } from '../parity';

// A miniature of the connector's contracts: a union result with named and anonymous nested objects.
const Organisation = z.object({ entityUuid: z.string(), name: z.string() });
const Ready = z.object({
    kind: z.literal('ready'),
    organisation: Organisation.nullable(),
    sender: z.object({ name: z.string(), isYou: z.boolean() }),
    count: z.number().int(),
    size: z.number(),
    tags: z.array(z.string())
});
const TabState = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('choose'), organisations: z.array(Organisation) }),
    Ready
]);
const RecordParams = z.strictObject({ recordId: z.string() });
const InviteParams = z.strictObject({
    recordId: z.string(),
    groupUuids: z.array(z.uuid()),
    newGroup: z.strictObject({ name: z.string() }).nullable()
});

const CONTROLLER: TypeScriptController = {
    name: 'TabController',
    methods: {
        loadTab: { cacheable: true, params: RecordParams, result: TabState },
        invite: { cacheable: false, params: InviteParams, result: z.null() }
    }
};
const CONTRACT_NAMES = new Map<ZodLike, ContractName>([
    [Organisation, { apexClass: 'TabContract', name: 'Organisation' }],
    [Ready, { apexClass: 'TabContract', name: 'Ready' }],
    [TabState, { apexClass: 'TabContract', name: 'TabState' }]
]);

const CONTRACT_CLS = `public with sharing class TabContract {
    public class Organisation { @AuraEnabled public String entityUuid; @AuraEnabled public String name; }
    public class TabState {
        @AuraEnabled public String kind;
        @AuraEnabled public List<Organisation> organisations;
        @AuraEnabled public Organisation organisation;
        @AuraEnabled public ReadySender sender;
        @AuraEnabled public Integer count;
        @AuraEnabled public Decimal size;
        @AuraEnabled public String[] tags;
    }
    public class ReadySender { @AuraEnabled public String name; @AuraEnabled public Boolean isYou; }
    public class InviteNewGroup { @AuraEnabled public String name; }
}`;

const CONTROLLER_CLS = `public with sharing class TabController {
    @AuraEnabled(cacheable=true)
    public static TabContract.TabState loadTab(String recordId) { return null; }
    @AuraEnabled
    public static void invite(String recordId, List<String> groupUuids, TabContract.InviteNewGroup newGroup) { return; }
}`;

function apex(...sources: string[]): ApexClass[] {
    return sources.map((source, index) => {
        const { apexClass, problems } = parseApexClass(source, `classes/Class${index}.cls`);
        if (!apexClass) throw new Error(JSON.stringify(problems));
        return apexClass;
    });
}

function parity(overrides: Partial<ParityInput> & { apexClasses: ApexClass[] }): ReturnType<typeof checkParity> {
    return checkParity({
        lwcImports: ['TabController.loadTab', 'TabController.invite'],
        controllers: [CONTROLLER],
        contractNames: CONTRACT_NAMES,
        ...overrides
    });
}

describe('the parity check of Apex against the zod contracts', () => {
    it('matches a controller whose signatures, cacheable flags and result classes follow the mapping', () => {
        const result = parity({ apexClasses: apex(CONTRACT_CLS, CONTROLLER_CLS) });
        expect(result.problems).toEqual([]);
        expect(result.matched).toEqual(['TabController.invite', 'TabController.loadTab']);
    });

    it('reports a missing class for every LWC-imported method', () => {
        const result = parity({ apexClasses: apex(CONTRACT_CLS) });
        expect(result.matched).toEqual([]);
        expect(result.problems).toEqual([
            'TabController.invite: no Apex class TabController',
            'TabController.loadTab: no Apex class TabController'
        ]);
    });

    it('reports a cacheable flag, static modifier and annotation that differ from the TypeScript method', () => {
        const controller = CONTROLLER_CLS.replace(
            '@AuraEnabled(cacheable=true)\n    public static',
            '@AuraEnabled\n    public'
        ).replace('@AuraEnabled\n    public static void', 'public static void');
        const { problems } = parity({ apexClasses: apex(CONTRACT_CLS, controller) });
        expect(problems).toEqual([
            'classes/Class1.cls:4: TabController.invite: lacks @AuraEnabled',
            'classes/Class1.cls:3: TabController.loadTab: must be static',
            'classes/Class1.cls:3: TabController.loadTab: is @AuraEnabled, the TypeScript method is cacheable'
        ]);
    });

    it('reports parameter names and types that differ from the zod parameters', () => {
        const controller = CONTROLLER_CLS.replace('List<String> groupUuids', 'List<Id> groupIds').replace(
            'String recordId) { return null',
            'Id recordId) { return null'
        );
        const { problems } = parity({ apexClasses: apex(CONTRACT_CLS, controller) });
        expect(problems).toEqual([
            "classes/Class1.cls:5: TabController.invite: lacks parameter 'groupUuids'",
            "classes/Class1.cls:5: TabController.invite: parameter 'groupIds' is not in the zod parameters (recordId, groupUuids, newGroup)",
            "classes/Class1.cls:3: TabController.loadTab: parameter 'recordId' is Id, the contract says String"
        ]);
    });

    it('reports result fields that are missing, extra, of another type or not @AuraEnabled, down nested classes', () => {
        const contract = CONTRACT_CLS.replace(
            '@AuraEnabled public Integer count;',
            '@AuraEnabled public Decimal count; @AuraEnabled public String extra;'
        )
            .replace('@AuraEnabled public Boolean isYou;', 'public Boolean isYou;')
            .replace('@AuraEnabled public Decimal size;', '');
        const { problems, matched } = parity({ apexClasses: apex(contract, CONTROLLER_CLS) });
        expect(matched).toEqual(['TabController.invite']);
        expect(problems).toEqual([
            'classes/Class0.cls:12: TabContract.ReadySender.isYou must be @AuraEnabled public',
            'classes/Class0.cls:8: TabContract.TabState.count is Decimal, the contract says Integer',
            "classes/Class0.cls:3: TabContract.TabState lacks field 'size'",
            'classes/Class0.cls:8: TabContract.TabState.extra is not in the contract (kind, organisations, organisation, sender, count, size, tags)'
        ]);
    });

    it('requires a named contract shape to be the inner class of that name', () => {
        const contract = CONTRACT_CLS.replace(
            'public List<Organisation> organisations',
            'public List<ReadySender> organisations'
        );
        const { problems } = parity({ apexClasses: apex(contract, CONTROLLER_CLS) });
        expect(problems).toEqual([
            "classes/Class0.cls:5: TabContract.TabState.organisations element is TabContract.ReadySender, the contract's Organisation belongs in TabContract.Organisation"
        ]);
    });

    it('wants void where the contract result is null', () => {
        const controller = CONTROLLER_CLS.replace('public static void invite', 'public static String invite');
        const { problems } = parity({ apexClasses: apex(CONTRACT_CLS, controller) });
        expect(problems).toEqual([
            'classes/Class1.cls:5: TabController.invite: returns String, the contract result is null (void)'
        ]);
    });

    it('reports an @AuraEnabled Apex method without a TypeScript twin, and a TypeScript method without an Apex twin', () => {
        const controller = CONTROLLER_CLS.replace(
            /\}$/,
            '    @AuraEnabled\n    public static void extra() { return; }\n}'
        );
        const withUnimportedMethod: TypeScriptController = {
            ...CONTROLLER,
            methods: { ...CONTROLLER.methods, refresh: { cacheable: false, params: RecordParams, result: z.null() } }
        };
        const { problems, matched } = parity({
            apexClasses: apex(CONTRACT_CLS, controller),
            controllers: [withUnimportedMethod]
        });
        expect(matched).toHaveLength(2);
        expect(problems).toEqual([
            'classes/Class1.cls: TabController.refresh: no Apex method refresh',
            'classes/Class1.cls:7: TabController.extra: @AuraEnabled without a TypeScript server method'
        ]);
    });

    it('reports an LWC import that no TypeScript controller declares', () => {
        const { problems, lwcImported } = parity({
            apexClasses: apex(CONTRACT_CLS, CONTROLLER_CLS),
            lwcImports: ['TabController.loadTab', 'TabController.gone']
        });
        expect(lwcImported).toEqual(['TabController.gone', 'TabController.loadTab']);
        expect(problems).toEqual([
            'TabController.gone: imported by an LWC but no TypeScript controller method declares it'
        ]);
    });
});
