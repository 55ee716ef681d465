import { describe, expect, it } from 'vitest';
import { profileKitAuthOptions, resolveClientAddress } from '../../src/server';

const headers = (init: Record<string, string>) => new Headers(init);

describe('resolveClientAddress', () => {
  it('takes the connection address by default and believes no header', () => {
    const sent = headers({
      'x-forwarded-for': '198.51.100.1',
      'x-real-ip': '198.51.100.2',
      'cf-connecting-ip': '198.51.100.3',
    });
    expect(resolveClientAddress(sent, '127.0.0.9')).toBe('127.0.0.9');
    expect(resolveClientAddress(sent, '127.0.0.9', false)).toBe('127.0.0.9');
    expect(resolveClientAddress(sent, '::ffff:127.0.0.9', 0)).toBe('::ffff:127.0.0.9');
    expect(resolveClientAddress(sent, undefined)).toBeUndefined();
  });

  it('counts X-Forwarded-For hops from the right: the entries a client wrote are never used', () => {
    const chain = headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5, 10.0.0.2' });
    expect(resolveClientAddress(chain, '10.0.0.3', 1)).toBe('10.0.0.2');
    expect(resolveClientAddress(chain, '10.0.0.3', true)).toBe('10.0.0.2');
    expect(resolveClientAddress(chain, '10.0.0.3', 'x-forwarded-for')).toBe('10.0.0.2');
    expect(resolveClientAddress(chain, '10.0.0.3', 2)).toBe('203.0.113.5');
    // Repeated headers are one list, in order.
    const split = new Headers([
      ['x-forwarded-for', '6.6.6.6'],
      ['x-forwarded-for', '203.0.113.5'],
    ]);
    expect(resolveClientAddress(split, '10.0.0.3', 1)).toBe('203.0.113.5');
  });

  it('falls back to the connection when the forwarded entry is missing or not an address', () => {
    expect(resolveClientAddress(headers({}), '10.0.0.3', 1)).toBe('10.0.0.3');
    expect(resolveClientAddress(headers({ 'x-forwarded-for': ' , ' }), '10.0.0.3', 1)).toBe('10.0.0.3');
    expect(resolveClientAddress(headers({ 'x-forwarded-for': 'a, not-an-ip' }), '10.0.0.3', 1)).toBe(
      '10.0.0.3',
    );
    expect(resolveClientAddress(headers({ 'x-forwarded-for': '999.1.1.1' }), '10.0.0.3', 1)).toBe('10.0.0.3');
    expect(
      resolveClientAddress(headers({ 'cf-connecting-ip': 'garbage' }), '10.0.0.3', 'cf-connecting-ip'),
    ).toBe('10.0.0.3');
  });

  it('drops ports and IPv6 zones, keeps IPv6', () => {
    const at = (value: string) => resolveClientAddress(headers({ 'x-forwarded-for': value }), undefined, 1);
    expect(at('203.0.113.5:4711')).toBe('203.0.113.5');
    expect(at('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(at('2001:db8::1')).toBe('2001:db8::1');
    expect(at('fe80::1%eth0')).toBe('fe80::1');
  });

  it('reads a single-address platform header when named', () => {
    const sent = headers({ 'fly-client-ip': '203.0.113.9', 'x-forwarded-for': '6.6.6.6' });
    expect(resolveClientAddress(sent, '10.0.0.3', 'fly-client-ip')).toBe('203.0.113.9');
    expect(resolveClientAddress(sent, '10.0.0.3', 'Fly-Client-IP')).toBe('203.0.113.9');
  });

  it('understands the setting as an environment variable holds it', () => {
    const chain = headers({
      'x-forwarded-for': '6.6.6.6, 203.0.113.5, 10.0.0.2',
      'x-real-ip': '203.0.113.6',
    });
    expect(resolveClientAddress(chain, '10.0.0.3', '')).toBe('10.0.0.3');
    expect(resolveClientAddress(chain, '10.0.0.3', 'false')).toBe('10.0.0.3');
    expect(resolveClientAddress(chain, '10.0.0.3', '0')).toBe('10.0.0.3');
    expect(resolveClientAddress(chain, '10.0.0.3', 'true')).toBe('10.0.0.2');
    expect(resolveClientAddress(chain, '10.0.0.3', ' 2 ')).toBe('203.0.113.5');
    expect(resolveClientAddress(chain, '10.0.0.3', 'X-Real-IP')).toBe('203.0.113.6');
  });

  it('refuses settings that cannot be meant', () => {
    for (const bad of [
      -1,
      1.5,
      Number.NaN,
      1000,
      '1000',
      'forwarded',
      'bad header',
      'x-real-ip,x-forwarded-for',
    ]) {
      expect(() => profileKitAuthOptions({ trustProxy: bad })).toThrow(TypeError);
    }
    expect(() => profileKitAuthOptions({ failedSignInLimit: { max: 0 } })).toThrow(TypeError);
    expect(() => profileKitAuthOptions({ rateLimit: { storage: 'memory' } })).toThrow(/failedSignInLimit/);
    expect(() =>
      profileKitAuthOptions({ rateLimit: { storage: 'memory' }, failedSignInLimit: false }),
    ).not.toThrow();
  });
});
