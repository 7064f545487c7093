import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../../../platform/errors.ts';

/**
 * Where pull sources may connect (SSRF policy). Sources of a government intranet sit on private
 * addresses, so those are allowed by default; what is never a data source is the platform's own
 * machine and the network's plumbing: loopback (the platform's own database and admin ports),
 * link-local (cloud metadata at 169.254.169.254), unspecified, multicast and reserved addresses.
 * Those are refused unless an entry of SHUZHI_PULL_ALLOWED_HOSTS names them explicitly.
 *
 * SHUZHI_PULL_ALLOWED_HOSTS, when set, is a comma-separated allow-list: host names (`db.zj.gov.cn`),
 * name suffixes (`*.zj.gov.cn`), `*` (any name), addresses (`10.1.2.3`) and CIDR ranges
 * (`10.0.0.0/8`); `*` also admits any address written as the host. A host is allowed when its name matches a name entry or every address it
 * resolves to lies in an address entry — and none of those addresses is a refused one that no
 * address entry names.
 */
export type HostPolicy = {
  /** Resolves a host and answers its addresses, or throws `pull_host_forbidden` / `pull_unreachable`. */
  resolve: (host: string) => Promise<LookupAddress[]>;
  /** The check without DNS, for saving settings: names are checked, literal addresses fully. */
  checkStatic: (host: string) => void;
};

const refused = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  refused.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  refused.addSubnet(net, prefix, 'ipv6');

/** `::ffff:127.0.0.1` is 127.0.0.1: checked as IPv4 so the mapping cannot hide it. */
function normalise(address: string): { address: string; type: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { address: mapped[1], type: 'ipv4' };
  return { address, type: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

const bare = (host: string) => host.replace(/^\[(.*)\]$/, '$1').toLowerCase();

type Rule = {
  names: string[];
  suffixes: string[];
  anyName: boolean;
  addresses: BlockList;
  hasAddresses: boolean;
};

/** Parses the allow-list; a bad entry stops the start with the variable's name. */
export function parseAllowedHosts(value: string | undefined): Rule | null {
  if (value === undefined || value.trim() === '') return null;
  const rule: Rule = {
    names: [],
    suffixes: [],
    anyName: false,
    addresses: new BlockList(),
    hasAddresses: false,
  };
  for (const raw of value.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const cidr = /^([0-9a-f:.]+)\/(\d{1,3})$/.exec(entry);
    if (entry === '*') rule.anyName = true;
    else if (cidr && isIP(cidr[1] ?? '')) {
      const type = isIP(cidr[1] ?? '') === 6 ? 'ipv6' : 'ipv4';
      const prefix = Number(cidr[2]);
      if (prefix > (type === 'ipv6' ? 128 : 32)) throw badEntry(raw);
      rule.addresses.addSubnet(cidr[1] as string, prefix, type);
      rule.hasAddresses = true;
    } else if (isIP(bare(entry))) {
      const n = normalise(bare(entry));
      rule.addresses.addAddress(n.address, n.type);
      rule.hasAddresses = true;
    } else if (/^\*\.[a-z0-9.-]+$/.test(entry)) rule.suffixes.push(entry.slice(1));
    else if (/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(entry)) rule.names.push(entry);
    else throw badEntry(raw);
  }
  return rule;
}

const badEntry = (entry: string) =>
  new Error(`配置无效 / invalid configuration:\n  SHUZHI_PULL_ALLOWED_HOSTS: bad entry "${entry.trim()}"`);

const forbidden = (host: string, zh: string, en: string) =>
  new AppError('pull_host_forbidden', { host, reason_zh: zh, reason_en: en });

export function createHostPolicy(allowedHosts: string | undefined): HostPolicy {
  const rule = parseAllowedHosts(allowedHosts);
  const listed = (a: { address: string; type: 'ipv4' | 'ipv6' }) =>
    !!rule?.hasAddresses && rule.addresses.check(a.address, a.type);
  const nameAllowed = (host: string) =>
    !rule || rule.anyName || rule.names.includes(host) || rule.suffixes.some((s) => host.endsWith(s));

  // An address written as the host is allowed by default, or by `*`; otherwise it must be listed.
  const literalOk = !rule || rule.anyName;

  function checkAddresses(host: string, addresses: string[], nameOk: boolean) {
    const all = addresses.map(normalise);
    const bad = all.find((a) => refused.check(a.address, a.type) && !listed(a));
    if (bad) {
      throw forbidden(
        host,
        `${bad.address} 是本机、链路本地或保留地址`,
        `${bad.address} is a loopback, link-local or reserved address`,
      );
    }
    if (!nameOk && !all.every(listed)) {
      throw forbidden(host, '主机不在允许列表中', 'the host is not in the allow-list');
    }
  }

  return {
    checkStatic(host) {
      const h = bare(host);
      if (isIP(h)) checkAddresses(h, [h], literalOk);
      else if (!nameAllowed(h) && !rule?.hasAddresses) {
        throw forbidden(h, '主机不在允许列表中', 'the host is not in the allow-list');
      }
    },
    async resolve(host) {
      const h = bare(host);
      if (isIP(h)) {
        checkAddresses(h, [h], literalOk);
        return [{ address: h, family: isIP(h) }];
      }
      let found: LookupAddress[];
      try {
        found = await lookup(h, { all: true });
      } catch (e) {
        throw new AppError('pull_unreachable', {
          host: h,
          reason: (e as NodeJS.ErrnoException).code ?? String(e),
        });
      }
      checkAddresses(
        h,
        found.map((f) => f.address),
        nameAllowed(h),
      );
      return found;
    },
  };
}
