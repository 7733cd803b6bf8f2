import { relative } from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, SeverityLevel } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';

/** PMD's recommended Apex rules plus every Apex rule of the security, best-practice, error-prone and performance categories. */
export const PMD_RULE_SELECTORS = [
    'pmd:Recommended:Apex',
    'pmd:Apex:Security',
    'pmd:Apex:BestPractices',
    'pmd:Apex:ErrorProne',
    'pmd:Apex:Performance'
];

/** Severities 1 (critical) and 2 (high) fail the check; lower ones are counted. */
export const BLOCKING_SEVERITIES: readonly SeverityLevel[] = [SeverityLevel.Critical, SeverityLevel.High];

export interface PmdViolation {
    rule: string;
    severity: number;
    file: string;
    line: number;
    message: string;
}

/** Runs the selected PMD Apex rules through Salesforce Code Analyzer over the given Apex files of the project. */
export async function runPmd(projectDir: string, apexFiles: readonly string[]): Promise<PmdViolation[]> {
    if (apexFiles.length === 0) return [];
    const analyzer = new CodeAnalyzer(CodeAnalyzerConfig.withDefaults());
    await analyzer.addEnginePlugin(createEnginePlugin());
    // The Apex files alone are the workspace: PMD's Apex rules read one file at a time.
    const workspace = await analyzer.createWorkspace([...apexFiles]);
    const rules = await analyzer.selectRules(PMD_RULE_SELECTORS, { workspace });
    const results = await analyzer.run(rules, { workspace });
    return results.getViolations().map((violation) => {
        const location = violation.getPrimaryLocation();
        return {
            rule: violation.getRule().getName(),
            severity: violation.getRule().getSeverityLevel(),
            file: relative(projectDir, location.getFile() ?? ''),
            line: location.getStartLine() ?? 0,
            message: violation.getMessage()
        };
    });
}
