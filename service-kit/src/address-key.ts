/** How client addresses are counted: the router's rate limits and both servers' connection caps. */

/**
 * The key an address is counted under. One IPv6 client usually holds a whole /64 and can pick a
 * fresh address per request, so IPv6 addresses count by their /64; IPv4 (also IPv4-mapped) by
 * the address itself.
 * @param address - a client address as a socket or a trusted proxy gives it
 */
export function clientAddressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  if (groups.length !== 8) return address;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
