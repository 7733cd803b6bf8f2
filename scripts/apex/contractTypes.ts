/**
 * The Apex type a zod contract schema stands for, per the Apex twin's mapping:
 * string, enum, literal and uuid → String; an integer number → Integer, any other number → Decimal;
 * boolean → Boolean; nullable → the same type; array → List; object → a class with one field per
 * key; a union of objects → one class holding every variant's fields; `z.null()` (a result) → void.
 */
export type ContractType =
    | { kind: 'scalar'; apexType: 'String' | 'Integer' | 'Decimal' | 'Boolean' }
    | { kind: 'void' }
    | { kind: 'list'; element: ContractType }
    | { kind: 'object'; schema: ZodLike; fields: ReadonlyMap<string, ZodLike> };

/** The part of a zod 4 schema this walk reads (`schema._zod.def`, and `isInt` on numbers). */
export interface ZodLike {
    _zod: { def: ZodDef };
    isInt?: boolean | null;
}

interface ZodDef {
    type: string;
    innerType?: ZodLike;
    element?: ZodLike;
    shape?: Record<string, ZodLike>;
    options?: ZodLike[];
    in?: ZodLike;
}

export class UnmappedContractError extends Error {}

export function isZodSchema(value: unknown): value is ZodLike {
    return (
        typeof value === 'object' &&
        value !== null &&
        '_zod' in value &&
        typeof (value as ZodLike)._zod?.def?.type === 'string'
    );
}

export function contractTypeOf(schema: ZodLike): ContractType {
    const { def } = schema._zod;
    switch (def.type) {
        case 'string':
        case 'enum':
        case 'literal':
            return { kind: 'scalar', apexType: 'String' };
        case 'number':
            return { kind: 'scalar', apexType: schema.isInt === true ? 'Integer' : 'Decimal' };
        case 'boolean':
            return { kind: 'scalar', apexType: 'Boolean' };
        case 'null':
            return { kind: 'void' };
        case 'nullable':
        case 'optional':
        case 'default':
        case 'readonly':
            return contractTypeOf(required(def.innerType, def.type));
        case 'pipe':
            return contractTypeOf(required(def.in, def.type));
        case 'array':
            return { kind: 'list', element: contractTypeOf(required(def.element, def.type)) };
        case 'object':
            return { kind: 'object', schema, fields: new Map(Object.entries(required(def.shape, def.type))) };
        case 'union':
            return unionType(schema, required(def.options, def.type));
        default:
            throw new UnmappedContractError(`zod type '${def.type}' has no Apex mapping`);
    }
}

/** The schema behind nullable/optional wrappers: the one an export name belongs to. */
export function unwrapped(schema: ZodLike): ZodLike {
    const { def } = schema._zod;
    if (['nullable', 'optional', 'default', 'readonly'].includes(def.type) && def.innerType)
        return unwrapped(def.innerType);
    return schema;
}

function unionType(schema: ZodLike, options: ZodLike[]): ContractType {
    const variants = options.map(contractTypeOf);
    if (variants.every((variant) => variant.kind === 'object')) {
        const fields = new Map<string, ZodLike>();
        for (const variant of variants)
            for (const [key, field] of variant.fields) if (!fields.has(key)) fields.set(key, field);
        return { kind: 'object', schema, fields };
    }
    const [first] = variants;
    if (
        first?.kind === 'scalar' &&
        variants.every((variant) => variant.kind === 'scalar' && variant.apexType === first.apexType)
    )
        return first;
    throw new UnmappedContractError('a union of different kinds of values has no Apex mapping');
}

function required<T>(value: T | undefined, type: string): T {
    if (value === undefined) throw new UnmappedContractError(`zod '${type}' schema without its inner schema`);
    return value;
}
