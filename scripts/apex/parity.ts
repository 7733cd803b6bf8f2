import { type ApexClass, type ApexField, hasAnnotation, type ApexMethod } from './apexSource';
import { contractTypeOf, type ContractType, UnmappedContractError, unwrapped, type ZodLike } from './contractTypes';

/** A TypeScript server method as `force-app/server/classes` declares it (the part parity reads). */
export interface TypeScriptMethod {
    cacheable: boolean;
    params: ZodLike;
    result: ZodLike;
}

export interface TypeScriptController {
    name: string;
    methods: Readonly<Record<string, TypeScriptMethod>>;
}

/** Where a named contract schema lives in Apex: `<apexClass>.<name>`. */
export interface ContractName {
    apexClass: string;
    name: string;
}

export interface ParityInput {
    /** `Class.method` for every `@salesforce/apex/Class.method` an LWC imports. */
    lwcImports: readonly string[];
    controllers: readonly TypeScriptController[];
    /** The export name of each contract schema and the Apex class holding its inner class. */
    contractNames: ReadonlyMap<ZodLike, ContractName>;
    apexClasses: readonly ApexClass[];
}

export interface ParityResult {
    lwcImported: string[];
    matched: string[];
    problems: string[];
}

/**
 * Holds the Apex twin to the TypeScript server methods: for every method the LWCs import, and
 * every TypeScript controller method, the Apex class and a `public static` `@AuraEnabled` method
 * with the same `cacheable` flag, parameter names and types and result class fields (recursively)
 * as the zod contract; and no Apex `@AuraEnabled` method without a TypeScript one.
 */
export function checkParity(input: ParityInput): ParityResult {
    const checker = new ParityChecker(input);
    const lwcImported = [...new Set(input.lwcImports)].sort();
    const controllerMethods = input.controllers.flatMap((controller) =>
        Object.keys(controller.methods).map((method) => `${controller.name}.${method}`)
    );
    const problemsByMethod = new Map(
        [...new Set([...lwcImported, ...controllerMethods])].map((qualified) => [
            qualified,
            checker.methodProblems(qualified)
        ])
    );
    const matched = lwcImported.filter((qualified) => problemsByMethod.get(qualified)?.length === 0);
    const problems = [
        ...[...problemsByMethod.values()].flat(),
        ...checker.apexMethodsWithoutTwin(new Set(controllerMethods))
    ];
    return { lwcImported, matched, problems };
}

class ParityChecker {
    private readonly topLevel = new Map<string, ApexClass>();
    /** Pairs of contract schema and Apex class already compared, so shared shapes are reported once. */
    private readonly compared = new Set<string>();
    private readonly comparedKeys = new Map<ZodLike, number>();

    constructor(private readonly input: ParityInput) {
        for (const apexClass of input.apexClasses) this.topLevel.set(apexClass.name.toLowerCase(), apexClass);
    }

    methodProblems(qualified: string): string[] {
        const [className = '', methodName = ''] = qualified.split('.');
        const typeScript = this.input.controllers.find((controller) => controller.name === className)?.methods[
            methodName
        ];
        if (!typeScript) return [`${qualified}: imported by an LWC but no TypeScript controller method declares it`];
        const apexClass = this.topLevel.get(className.toLowerCase());
        if (!apexClass) return [`${qualified}: no Apex class ${className}`];
        const candidates = apexClass.methods.filter((method) => method.name === methodName);
        const [method] = candidates;
        if (!method) return [`${apexClass.file}: ${qualified}: no Apex method ${methodName}`];
        if (candidates.length > 1)
            return [
                `${apexClass.file}:${method.line}: ${qualified}: overloaded; an @AuraEnabled method must be unique`
            ];
        const where = `${apexClass.file}:${method.line}: ${qualified}`;
        try {
            return [
                ...this.signatureProblems(method, typeScript).map((problem) => `${where}: ${problem}`),
                ...this.parameterProblems(method, typeScript.params, apexClass, where),
                ...this.resultProblems(method, typeScript.result, apexClass, where)
            ];
        } catch (error) {
            if (error instanceof UnmappedContractError) return [`${where}: ${error.message}`];
            throw error;
        }
    }

    apexMethodsWithoutTwin(typeScriptMethods: ReadonlySet<string>): string[] {
        return this.input.apexClasses.flatMap((apexClass) =>
            apexClass.methods
                .filter(
                    (method) =>
                        hasAnnotation(method, 'AuraEnabled') &&
                        !typeScriptMethods.has(`${apexClass.name}.${method.name}`)
                )
                .map(
                    (method) =>
                        `${apexClass.file}:${method.line}: ${apexClass.name}.${method.name}: @AuraEnabled without a TypeScript server method`
                )
        );
    }

    private signatureProblems(method: ApexMethod, typeScript: TypeScriptMethod): string[] {
        const problems: string[] = [];
        if (!method.keywords.includes('public') && !method.keywords.includes('global')) problems.push('must be public');
        if (!method.keywords.includes('static')) problems.push('must be static');
        const auraEnabled = method.annotations.find((annotation) => annotation.name.toLowerCase() === 'auraenabled');
        if (!auraEnabled) return [...problems, 'lacks @AuraEnabled'];
        const cacheable = /cacheable=true/i.test(auraEnabled.text);
        if (cacheable !== typeScript.cacheable) {
            problems.push(
                `is ${auraEnabled.text}, the TypeScript method is ${typeScript.cacheable ? '' : 'not '}cacheable`
            );
        }
        return problems;
    }

    private parameterProblems(method: ApexMethod, params: ZodLike, apexClass: ApexClass, where: string): string[] {
        const contract = contractTypeOf(params);
        if (contract.kind !== 'object') return [`${where}: the TypeScript parameters are no zod object`];
        const apexNames = method.parameters.map((parameter) => parameter.name);
        const problems = [...contract.fields.keys()]
            .filter((key) => !apexNames.includes(key))
            .map((key) => `${where}: lacks parameter '${key}'`);
        for (const parameter of method.parameters) {
            const field = contract.fields.get(parameter.name);
            if (!field) {
                problems.push(
                    `${where}: parameter '${parameter.name}' is not in the zod parameters (${[...contract.fields.keys()].join(', ')})`
                );
                continue;
            }
            problems.push(
                ...this.typeProblems(field, parameter.type, apexClass, `${where}: parameter '${parameter.name}'`)
            );
        }
        return problems;
    }

    private resultProblems(method: ApexMethod, result: ZodLike, apexClass: ApexClass, where: string): string[] {
        if (contractTypeOf(result).kind === 'void') {
            return method.returnType.toLowerCase() === 'void'
                ? []
                : [`${where}: returns ${method.returnType}, the contract result is null (void)`];
        }
        return this.typeProblems(result, method.returnType, apexClass, `${where}: result`);
    }

    private typeProblems(schema: ZodLike, apexType: string, context: ApexClass, what: string): string[] {
        const contract = contractTypeOf(schema);
        switch (contract.kind) {
            case 'scalar':
            case 'void': {
                const expected = contract.kind === 'void' ? 'void' : contract.apexType;
                return apexType.toLowerCase() === expected.toLowerCase()
                    ? []
                    : [`${what} is ${apexType}, the contract says ${expected}`];
            }
            case 'list': {
                const element = /^List<(.+)>$/i.exec(apexType)?.[1];
                if (element === undefined) return [`${what} is ${apexType}, the contract says a List`];
                const elementSchema = unwrapped(schema)._zod.def.element;
                return elementSchema ? this.typeProblems(elementSchema, element, context, `${what} element`) : [];
            }
            case 'object':
                return this.classProblems(contract, unwrapped(schema), apexType, context, what);
        }
    }

    private classProblems(
        contract: Extract<ContractType, { kind: 'object' }>,
        schema: ZodLike,
        apexType: string,
        context: ApexClass,
        what: string
    ): string[] {
        const resolved = this.resolveClass(apexType, context);
        if (!resolved) return [`${what} is ${apexType}, which is no Apex class of the project`];
        const { topLevel, declared } = resolved;
        const contractName = this.input.contractNames.get(schema);
        const qualifiedName = topLevel === declared ? declared.name : `${topLevel.name}.${declared.name}`;
        if (
            contractName &&
            qualifiedName.toLowerCase() !== `${contractName.apexClass}.${contractName.name}`.toLowerCase()
        ) {
            return [
                `${what} is ${qualifiedName}, the contract's ${contractName.name} belongs in ${contractName.apexClass}.${contractName.name}`
            ];
        }
        const comparison = `${this.keyOf(schema)}|${declared.file}|${qualifiedName}`;
        if (this.compared.has(comparison)) return [];
        this.compared.add(comparison);
        return this.fieldProblems(contract.fields, declared, topLevel, qualifiedName);
    }

    private fieldProblems(
        fields: ReadonlyMap<string, ZodLike>,
        declared: ApexClass,
        topLevel: ApexClass,
        qualifiedName: string
    ): string[] {
        const instanceFields = declared.fields.filter((field) => !field.keywords.includes('static'));
        const problems: string[] = [];
        for (const [key, fieldSchema] of fields) {
            const field = instanceFields.find((candidate) => candidate.name === key);
            if (!field) {
                problems.push(`${declared.file}:${declared.line}: ${qualifiedName} lacks field '${key}'`);
                continue;
            }
            const where = `${declared.file}:${field.line}: ${qualifiedName}.${key}`;
            if (!isAuraEnabled(field)) problems.push(`${where} must be @AuraEnabled public`);
            problems.push(...this.typeProblems(fieldSchema, field.type, topLevel, where));
        }
        for (const extra of instanceFields.filter(
            (field) => hasAnnotation(field, 'AuraEnabled') && !fields.has(field.name)
        )) {
            problems.push(
                `${declared.file}:${extra.line}: ${qualifiedName}.${extra.name} is not in the contract (${[...fields.keys()].join(', ')})`
            );
        }
        return problems;
    }

    /** `Outer.Inner`, an inner class of the referring class's top-level class, or a top-level class. */
    private resolveClass(
        apexType: string,
        context: ApexClass
    ): { topLevel: ApexClass; declared: ApexClass } | undefined {
        const innerOf = (outer: ApexClass | undefined, name: string) =>
            outer?.innerClasses.find((inner) => inner.name.toLowerCase() === name.toLowerCase());
        const parts = apexType.split('.');
        if (parts.length === 2) {
            const topLevel = this.topLevel.get(parts[0]!.toLowerCase());
            const declared = innerOf(topLevel, parts[1]!);
            return topLevel && declared ? { topLevel, declared } : undefined;
        }
        if (parts.length !== 1) return undefined;
        const inner = innerOf(context, apexType);
        if (inner) return { topLevel: context, declared: inner };
        const topLevel = this.topLevel.get(apexType.toLowerCase());
        return topLevel ? { topLevel, declared: topLevel } : undefined;
    }

    private keyOf(schema: ZodLike): number {
        const known = this.comparedKeys.get(schema);
        if (known !== undefined) return known;
        const key = this.comparedKeys.size;
        this.comparedKeys.set(schema, key);
        return key;
    }
}

function isAuraEnabled(field: ApexField): boolean {
    return (
        hasAnnotation(field, 'AuraEnabled') && (field.keywords.includes('public') || field.keywords.includes('global'))
    );
}
