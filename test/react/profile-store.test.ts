import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProfileClient } from '../../src/client/index';
import { createMockBackend } from '../../src/msw/index';
import { createProfileStore } from '../../src/react/profile/profile-store';

const BASE = 'http://localhost:3000';
const backend = createMockBackend({ baseURL: BASE, persona: 'signedInWithProfile' });
const server = setupServer(...backend.handlers);
let reads = 0;
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'GET') reads++;
  });
});
afterEach(() => {
  server.resetHandlers();
  backend.reset();
  reads = 0;
});
afterAll(() => server.close());

const store = () => createProfileStore(createProfileClient({ baseURL: BASE, retries: 0 }));

describe('the profile store', () => {
  it('reads the profile once however many components ask at once', async () => {
    const s = store();
    s.setUser('ada');
    await Promise.all(Array.from({ length: 10 }, () => s.load()));
    await s.load();
    expect(reads).toBe(1);
    expect(s.getState()).toMatchObject({
      status: 'ready',
      etag: '"v1"',
      profile: { frameworks: ['Django', 'React'] },
    });
  });

  it('reports a missing profile as missing, not as an error', async () => {
    backend.reset('signedInWithoutProfile');
    const s = store();
    s.setUser('ada');
    await s.load();
    expect(s.getState()).toMatchObject({ status: 'missing', profile: null, error: null });
  });

  it('forgets the previous person on a switch, and ignores their late answer', async () => {
    server.use(
      http.get(`${BASE}/api/profile`, async () => {
        await delay(50);
      }),
    );
    const s = store();
    s.setUser('first');
    const late = s.load();
    s.setUser('second');
    await late;
    expect(s.getState()).toEqual({
      userId: 'second',
      status: 'loading',
      profile: null,
      etag: null,
      error: null,
    });
  });

  it('keeps a write when a read that started before it answers after it', async () => {
    let answerRead: () => void = () => {};
    server.use(
      http.get(`${BASE}/api/profile`, async () => {
        await new Promise<void>((resolve) => {
          answerRead = resolve;
        });
      }),
    );
    const s = store();
    s.setUser('ada');
    const read = s.load();
    await s.put({ languages: [], frameworks: ['Qt'] });
    answerRead();
    await read;
    expect(s.getState().profile?.frameworks).toEqual(['Qt']);
    expect(s.getState().etag).toBe('"v2"');
  });

  it('sends the version it was given as If-Match, and keeps the state on a conflict', async () => {
    const s = store();
    s.setUser('ada');
    await s.load();
    await s.patch({ devices: ['ESP32'] });
    await expect(s.patch({ devices: ['STM32'] }, { ifMatch: '"v1"' })).rejects.toMatchObject({
      code: 'PROFILE_VERSION_CONFLICT',
    });
    expect(s.getState()).toMatchObject({ status: 'ready', etag: '"v2"', profile: { devices: ['ESP32'] } });
  });

  it('tells its subscribers about every change', async () => {
    const s = store();
    const seen: string[] = [];
    const stop = s.subscribe(() => seen.push(s.getState().status));
    s.setUser('ada');
    await s.load();
    stop();
    await s.load(true);
    expect(seen).toEqual(['loading', 'ready']);
  });

  it('turns a failing read into an error state that stays until a forced read retries it', async () => {
    server.use(
      http.get(`${BASE}/api/profile`, () => HttpResponse.json({ code: 'SERVER_ERROR' }, { status: 500 }), {
        once: true,
      }),
    );
    const s = store();
    s.setUser('ada');
    await s.load();
    expect(s.getState()).toMatchObject({ status: 'error', error: { code: 'SERVER_ERROR' } });
    // A component that mounts to show the failure asks too: that must not start the next read.
    await s.load();
    expect(reads).toBe(1);
    expect(s.getState().status).toBe('error');
    await s.load(true);
    expect(reads).toBe(2);
    expect(s.getState().status).toBe('ready');
  });
});
