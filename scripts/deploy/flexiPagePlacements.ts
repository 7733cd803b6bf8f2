import { XMLParser } from 'fast-xml-parser';

const RECORD_PAGE_TARGET = 'lightning__RecordPage';

const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => ['flexiPageRegions', 'itemInstances', 'target', 'targetConfig', 'object'].includes(name)
});

interface FlexiPageXml {
    FlexiPage?: {
        sobjectType?: string;
        type?: string;
        flexiPageRegions?: { itemInstances?: { componentInstance?: { componentName?: string } }[] }[];
    };
}

interface BundleMetaXml {
    LightningComponentBundle?: {
        isExposed?: string;
        targets?: { target?: string[] };
        targetConfigs?: { targetConfig?: { '@_targets'?: string; objects?: { object?: string[] } }[] };
    };
}

/**
 * Problems with the package's own components that a record page places (a name without a
 * namespace, or with `c:`): each must be an LWC bundle of the output, exposed to record pages
 * of the page's object. `bundleMeta` returns a bundle's `.js-meta.xml`, or undefined if absent.
 */
export function flexiPagePlacementProblems(
    file: string,
    flexiPageXml: string,
    bundleMeta: (bundle: string) => string | undefined
): string[] {
    const page = (parser.parse(flexiPageXml) as FlexiPageXml).FlexiPage;
    if (page?.type !== 'RecordPage') return [];
    const placed = (page.flexiPageRegions ?? [])
        .flatMap((region) => region.itemInstances ?? [])
        .map((item) => item.componentInstance?.componentName ?? '')
        .filter((name) => name !== '' && (!name.includes(':') || name.startsWith('c:')))
        .map((name) => name.replace(/^c:/, ''));
    return [...new Set(placed)].flatMap((bundle) => {
        const metaXml = bundleMeta(bundle);
        if (metaXml === undefined) return [`${file}: places component ${bundle}, which is no LWC bundle in the output`];
        if (exposedOnRecordPage(metaXml, page.sobjectType ?? '')) return [];
        const target = `${RECORD_PAGE_TARGET} for ${page.sobjectType}`;
        return [`${file}: places component ${bundle}, whose ${bundle}.js-meta.xml does not expose it on ${target}`];
    });
}

function exposedOnRecordPage(bundleMetaXml: string, sobjectType: string): boolean {
    const bundle = (parser.parse(bundleMetaXml) as BundleMetaXml).LightningComponentBundle;
    if (bundle?.isExposed !== 'true' || !bundle.targets?.target?.includes(RECORD_PAGE_TARGET)) return false;
    const recordPageConfig = bundle.targetConfigs?.targetConfig?.find((config) =>
        (config['@_targets'] ?? '')
            .split(',')
            .map((target) => target.trim())
            .includes(RECORD_PAGE_TARGET)
    );
    const objects = recordPageConfig?.objects?.object;
    // Without an objects list the component is offered on record pages of every object.
    return objects === undefined || objects.includes(sobjectType);
}
