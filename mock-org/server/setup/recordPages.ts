import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { arrayOf, readMetadataXml, textOf } from '../../platform/metadata/sourceXml';

export const QWIL_TAB_TITLE = 'Qwil Messenger';

/** A Lightning record page and where, if anywhere, it carries the connector's component. */
export interface RecordPageSetup {
    readonly file: string;
    readonly label: string;
    readonly object: string;
    /** A tab titled "Qwil Messenger" exists. */
    readonly hasQwilTab: boolean;
    /** qwilChatTabsMenu is inside that tab. */
    readonly componentInQwilTab: boolean;
    /** qwilChatTabsMenu is on the page at all. */
    readonly hasComponent: boolean;
}

type Element = Record<string, unknown>;

const componentsOf = (region: Element): Element[] =>
    arrayOf(region, 'itemInstances').flatMap((item) => arrayOf(item, 'componentInstance'));
const propertyOf = (component: Element, name: string) =>
    arrayOf(component, 'componentInstanceProperties').find((property) => textOf(property, 'name') === name)?.['value'];
// A managed install names it ns:qwilChatTabsMenu; source in this project has no namespace.
const isQwilComponent = (component: Element) => /(^|:)qwilChatTabsMenu$/.test(textOf(component, 'componentName') ?? '');

function readRecordPage(file: string): RecordPageSetup | null {
    const page = readMetadataXml(file, 'FlexiPage');
    if (textOf(page, 'type') !== 'RecordPage') return null;
    const regions = arrayOf(page, 'flexiPageRegions');
    const tabs = regions
        .flatMap(componentsOf)
        .filter((component) => textOf(component, 'componentName') === 'flexipage:tab');
    const qwilTabBodies = tabs
        .filter((tab) => String(propertyOf(tab, 'title') ?? '') === QWIL_TAB_TITLE)
        .map((tab) => String(propertyOf(tab, 'body') ?? ''));
    const regionsInQwilTab = regions.filter((region) => qwilTabBodies.includes(textOf(region, 'name') ?? ''));
    return {
        file,
        label: textOf(page, 'masterLabel') ?? path.basename(file),
        object: textOf(page, 'sobjectType') ?? '',
        hasQwilTab: qwilTabBodies.length > 0,
        componentInQwilTab: regionsInQwilTab.flatMap(componentsOf).some(isQwilComponent),
        hasComponent: regions.flatMap(componentsOf).some(isQwilComponent)
    };
}

/** Every record page in `flexipages/`, read from its FlexiPage source. */
export function readRecordPages(packageDefaultDir: string): RecordPageSetup[] {
    const dir = path.join(packageDefaultDir, 'flexipages');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
        .filter((fileName) => fileName.endsWith('.flexipage-meta.xml'))
        .sort()
        .flatMap((fileName) => readRecordPage(path.join(dir, fileName)) ?? []);
}
