// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { configure, EmbedError, mount } from '../../src/embed/index';

// The loader's own settings and the moment before an element's chunk has arrived.

describe('ProfileKit.configure({ assetsURL })', () => {
  it.each([
    ['javascript:alert(1)', '"assetsURL" must be an http(s) URL'],
    ['data:text/javascript,alert(1)', '"assetsURL" must be an http(s) URL'],
    ['', '"assetsURL" must be a URL'],
    [42, '"assetsURL" must be a URL'],
  ])('refuses %j, naming the option', (assetsURL, message) => {
    expect(() => configure({ assetsURL } as { assetsURL: string })).toThrow(message);
    expect(() => configure({ assetsURL } as { assetsURL: string })).toThrow(EmbedError);
  });

  it('refuses an unknown key, and takes a page-relative folder', () => {
    expect(() => configure({ assetURL: '/x/' } as never)).toThrow(/unknown option "assetURL" for configure/);
    expect(() => configure({ assetsURL: '/assets/profilekit' })).not.toThrow();
  });
});

describe('a gate removed before its code arrives', () => {
  it('gives its content back to the element, as it was', () => {
    const element = document.createElement('div');
    element.innerHTML = '<p id="secret">Lesson one</p>';
    document.body.append(element);
    const unmount = mount(element, 'auth-gate', { baseURL: 'http://server.example' });
    // Held out of sight at once: no moment in which a signed-out visitor sees it.
    expect(element.querySelector('#secret')).toBeNull();
    unmount();
    expect(element.innerHTML).toBe('<p id="secret">Lesson one</p>');
    element.remove();
  });
});
