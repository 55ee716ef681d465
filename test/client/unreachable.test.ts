// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProfileClient } from '../../src/client/index';
import { callAuth } from '../../src/react/context/auth-call';

// A page on an origin the server does not trust looked signed out and said "We could not reach the
// server"; only the browser's own CORS error hinted why (issue 21). Development builds now say it.

const refused: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function warnings() {
  return vi.spyOn(console, 'warn').mockImplementation(() => {});
}

describe('given a request that fails before any answer, in a development build', () => {
  it('warns once per server, naming both origins, CORS and trustedOrigins', async () => {
    const warn = warnings();
    const profiles = createProfileClient({ baseURL: 'http://localhost:3999', fetch: refused, retries: 0 });
    await expect(profiles.get()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    await expect(profiles.get()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(warn).toHaveBeenCalledTimes(1);
    const text = String(warn.mock.calls[0]?.[0]);
    expect(text).toContain('http://localhost:3999');
    expect(text).toContain(window.location.origin);
    expect(text).toMatch(/CORS/);
    expect(text).toMatch(/trustedOrigins/);
  });

  it("says nothing for a server on the page's own origin", async () => {
    const warn = warnings();
    const profiles = createProfileClient({ baseURL: '', fetch: refused, retries: 0 });
    await expect(profiles.get()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns for an auth call that got no answer, naming the page origin to trust', async () => {
    const warn = warnings();
    const result = await callAuth(() => refused('http://localhost:3998/api/auth/sign-in/email') as never);
    expect(result).toEqual({ ok: false, failure: { code: 'NETWORK_ERROR' } });
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      new RegExp(`auth server.*${window.location.origin.replace(/[.:/]/g, '\\$&')}.*trustedOrigins`),
    );
  });
});

describe('given a production build', () => {
  it('stays quiet', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = warnings();
    const profiles = createProfileClient({ baseURL: 'http://localhost:3997', fetch: refused, retries: 0 });
    await expect(profiles.get()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(warn).not.toHaveBeenCalled();
  });
});
