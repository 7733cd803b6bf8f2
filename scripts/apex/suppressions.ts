import { ApexLexer, ApexParserFactory } from '@apexdevtools/apex-parser';

interface LexedToken {
    type: number;
    line: number;
    text: string;
}

const COMMENT_TYPES = new Set<number>([ApexLexer.COMMENT, ApexLexer.LINE_COMMENT, ApexLexer.DOC_COMMENT]);
const NOPMD = /^\/\/\s*NOPMD\b(.*)$/;

/**
 * PMD suppressions (`@SuppressWarnings('PMD…')`, `// NOPMD`) without a justification where they
 * stand: a NOPMD comment needs words after the marker; the annotation needs a comment on its
 * own line or ending on the line above it.
 */
export function unjustifiedSuppressions(source: string, file: string): string[] {
    const tokens: LexedToken[] = ApexParserFactory.createLexer(source)
        .getAllTokens()
        .map((token) => ({ type: token.type, line: token.line, text: token.text }));
    const comments = tokens.filter((token) => COMMENT_TYPES.has(token.type));
    const commentEndLines = new Set(comments.map((comment) => comment.line + comment.text.split('\n').length - 1));
    const commentLines = new Set(comments.map((comment) => comment.line));

    const bareNopmd = comments
        .filter((comment) => comment.type === ApexLexer.LINE_COMMENT && NOPMD.exec(comment.text)?.[1]?.trim() === '')
        .map((comment) => `${file}:${comment.line}: // NOPMD without a justification after it`);
    const bareAnnotations = tokens
        .map((token, index) => ({ token, index }))
        .filter(({ token, index }) => token.type === ApexLexer.ATSIGN && isPmdSuppression(tokens, index))
        .filter(({ token }) => !commentLines.has(token.line) && !commentEndLines.has(token.line - 1))
        .map(
            ({ token }) =>
                `${file}:${token.line}: @SuppressWarnings('PMD…') without a justification comment on its line or the line above`
        );
    return [...bareNopmd, ...bareAnnotations];
}

function isPmdSuppression(tokens: readonly LexedToken[], atIndex: number): boolean {
    const code = tokens
        .slice(atIndex + 1)
        .filter((token) => !COMMENT_TYPES.has(token.type) && token.text.trim() !== '');
    const [name, open, value] = code;
    return (
        name?.text.toLowerCase() === 'suppresswarnings' &&
        open?.text === '(' &&
        value?.type === ApexLexer.StringLiteral &&
        /^'PMD/i.test(value.text)
    );
}
