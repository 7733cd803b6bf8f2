import ipaddr from 'ipaddr.js';

export function isValidAddress(address: string): boolean {
    return ipaddr.isValid(address);
}

export function isValidCidr(block: string): boolean {
    try {
        ipaddr.parseCIDR(block);
        return true;
    } catch {
        return false;
    }
}

/** IPv4-mapped IPv6 addresses count as their IPv4 address; an address never matches a block of the other family. */
export function addressInBlocks(address: string, blocks: readonly string[]): boolean {
    const parsed = ipaddr.process(address);
    return blocks.some((block) => {
        const range = ipaddr.parseCIDR(block);
        return parsed.kind() === range[0].kind() && parsed.match(range);
    });
}
