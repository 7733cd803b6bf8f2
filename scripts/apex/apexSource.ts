import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    ApexErrorListener,
    ApexParserFactory,
    type ClassBodyDeclarationContext,
    type ClassDeclarationContext,
    type ModifierContext,
    type TypeRefContext
} from '@apexdevtools/apex-parser';
import { listPackageFiles } from '../deploy/files';
import { readSfdxProject } from '../deploy/sfdxProject';

/** An annotation as written, e.g. `@AuraEnabled(cacheable=true)` → name `AuraEnabled`, text without blanks. */
export interface ApexAnnotation {
    name: string;
    text: string;
}

export interface ApexMember {
    name: string;
    line: number;
    /** Lower-case keywords such as `public`, `static`, `testmethod`. */
    keywords: string[];
    annotations: ApexAnnotation[];
}

export interface ApexParameter {
    name: string;
    type: string;
}

export interface ApexMethod extends ApexMember {
    /** The return type as written without blanks, or `void`. */
    returnType: string;
    parameters: ApexParameter[];
    /** The body's tokens joined without blanks or comments; empty for an abstract method. */
    body: string;
}

export interface ApexField extends ApexMember {
    type: string;
}

export interface ApexClass extends ApexMember {
    /** Project-relative path of the `.cls` file. */
    file: string;
    methods: ApexMethod[];
    fields: ApexField[];
    innerClasses: ApexClass[];
}

export interface ApexSyntaxProblem {
    file: string;
    line: number;
    message: string;
}

class CollectingErrorListener extends ApexErrorListener {
    readonly problems: { line: number; message: string }[] = [];
    apexSyntaxError(line: number, _column: number, message: string): void {
        this.problems.push({ line, message });
    }
}

/** Parses one `.cls` file's text; `file` is the path reported with the result. */
export function parseApexClass(source: string, file: string): { apexClass?: ApexClass; problems: ApexSyntaxProblem[] } {
    const listener = new CollectingErrorListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    const unit = parser.compilationUnit();
    const problems = listener.problems.map((problem) => ({ file, ...problem }));
    const declaration = unit.typeDeclaration();
    const classDeclaration = declaration?.classDeclaration();
    if (problems.length > 0 || !classDeclaration) return { problems };
    return { apexClass: toClass(classDeclaration, declaration.modifier_list(), file), problems };
}

/** Every top-level Apex class of the project's package directories (interfaces and enums are skipped). */
export function readApexClasses(projectDir: string): { classes: ApexClass[]; problems: ApexSyntaxProblem[] } {
    const { packageDirectories } = readSfdxProject(projectDir);
    const classes: ApexClass[] = [];
    const problems: ApexSyntaxProblem[] = [];
    for (const file of listPackageFiles(projectDir, packageDirectories).filter((path) => path.endsWith('.cls'))) {
        const parsed = parseApexClass(readFileSync(join(projectDir, file), 'utf8'), file);
        if (parsed.apexClass) classes.push(parsed.apexClass);
        problems.push(...parsed.problems);
    }
    return { classes, problems };
}

function toClass(declaration: ClassDeclarationContext, modifiers: ModifierContext[], file: string): ApexClass {
    const apexClass: ApexClass = {
        ...memberOf(declaration.id().getText(), declaration.start.line, modifiers),
        file,
        methods: [],
        fields: [],
        innerClasses: []
    };
    for (const bodyDeclaration of declaration.classBody().classBodyDeclaration_list())
        addMember(apexClass, bodyDeclaration);
    return apexClass;
}

function addMember(apexClass: ApexClass, bodyDeclaration: ClassBodyDeclarationContext): void {
    const member = bodyDeclaration.memberDeclaration();
    if (!member) return;
    const modifiers = bodyDeclaration.modifier_list();
    const method = member.methodDeclaration();
    if (method) {
        apexClass.methods.push({
            ...memberOf(method.id().getText(), method.start.line, modifiers),
            returnType: method.typeRef() ? typeText(method.typeRef()) : 'void',
            parameters: (method.formalParameters().formalParameterList()?.formalParameter_list() ?? []).map(
                (parameter) => ({
                    name: parameter.id().getText(),
                    type: typeText(parameter.typeRef())
                })
            ),
            body: method.block()?.getText() ?? ''
        });
        return;
    }
    const field = member.fieldDeclaration();
    if (field) {
        for (const declarator of field.variableDeclarators().variableDeclarator_list()) {
            apexClass.fields.push({
                ...memberOf(declarator.id().getText(), declarator.start.line, modifiers),
                type: typeText(field.typeRef())
            });
        }
        return;
    }
    const property = member.propertyDeclaration();
    if (property) {
        apexClass.fields.push({
            ...memberOf(property.id().getText(), property.start.line, modifiers),
            type: typeText(property.typeRef())
        });
        return;
    }
    const inner = member.classDeclaration();
    if (inner) apexClass.innerClasses.push(toClass(inner, modifiers, apexClass.file));
}

function memberOf(name: string, line: number, modifiers: ModifierContext[]): ApexMember {
    const annotations: ApexAnnotation[] = [];
    const keywords: string[] = [];
    for (const modifier of modifiers) {
        const annotation = modifier.annotation();
        if (annotation) annotations.push({ name: annotation.id().getText(), text: annotation.getText() });
        else keywords.push(modifier.getText().toLowerCase());
    }
    return { name, line, keywords, annotations };
}

/** `String[]` is `List<String>` in Apex; every other type keeps its spelling. */
function typeText(typeRef: TypeRefContext): string {
    const text = typeRef.getText();
    return text.endsWith('[]') ? `List<${text.slice(0, -2)}>` : text;
}

export function hasAnnotation(member: ApexMember, name: string): boolean {
    return member.annotations.some((annotation) => annotation.name.toLowerCase() === name.toLowerCase());
}

/** A test class or test method: `@IsTest` (or the old `testMethod` keyword). */
export function isTest(member: ApexMember): boolean {
    return hasAnnotation(member, 'IsTest') || member.keywords.includes('testmethod');
}
