import { LightningElement, api } from 'lwc';

/**
 * Test double for lightning-vertical-navigation that, like the base component, names its own
 * <nav> landmark with the aria-label it is given. The sfdx-lwc-jest stub leaves aria-label on
 * its host element, which has no role, so the accessibility check would fail on the stub alone.
 */
export default class VerticalNavigation extends LightningElement {
    @api compact?: boolean;
    @api selectedItem?: string;
    @api shaded?: boolean;

    private navigationLabel: string | null = null;

    override get ariaLabel(): string | null {
        return this.navigationLabel;
    }
    override set ariaLabel(label: string | null) {
        this.navigationLabel = label;
    }
}
