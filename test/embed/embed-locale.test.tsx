// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, EmbedError, mount, optionsFromAttributes, validateOptions } from '../../src/embed/index';
import { SHARED } from '../../src/embed/options';
import { ar } from '../../src/locales/ar';
import { de } from '../../src/locales/de';
import { createMockBackend } from '../../src/msw/index';
import { unmountAndSettle } from '../unmount';

const backend = createMockBackend();
const server = setupServer(...backend.handlers);
let tests = 0;
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => configure({ baseURL: `http://locale-${++tests}.example`, authMode: 'cookie' }));
afterEach(() => {
  document.body.replaceChildren();
  backend.reset('signedOut');
  vi.restoreAllMocks();
});
afterAll(async () => {
  await unmountAndSettle();
  server.close();
});

const element = (html: string) => {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host.firstElementChild as HTMLElement;
};

describe('the locale attributes of an embedded widget', () => {
  it('reads data-locale, and the element’s lang by its language (de-CH is German)', () => {
    const allowed = [...SHARED, 'title'];
    expect(optionsFromAttributes(element('<x-w data-locale="ja"></x-w>'), allowed)).toEqual({ locale: 'ja' });
    expect(optionsFromAttributes(element('<x-w lang="de-CH"></x-w>'), allowed)).toEqual({ locale: 'de' });
    // data-locale wins over lang.
    expect(optionsFromAttributes(element('<x-w lang="fr" data-locale="ar"></x-w>'), allowed)).toEqual({
      locale: 'ar',
    });
  });

  it('keeps English for a lang that has no shipped locale, without an error', () => {
    expect(optionsFromAttributes(element('<x-w lang="pt-BR"></x-w>'), SHARED)).toEqual({});
  });

  it('refuses a locale tag it does not ship, naming the ones it does', () => {
    expect(() => validateOptions('sign-in', { locale: 'klingon' })).toThrow(EmbedError);
    expect(() => validateOptions('sign-in', { locale: 'klingon' })).toThrow(/en, de, fr, es, ja, ar/);
    expect(() => validateOptions('sign-in', { locale: { messages: {} } })).toThrow(/languageTag/);
    expect(() => validateOptions('sign-in', { locale: 'de-AT' })).not.toThrow();
  });
});

describe('ProfileKit.mount with a locale', () => {
  it('shows the widget in the language of a locale object, with its lang and dir', async () => {
    const target = element('<div></div>');
    const unmount = mount(target, 'sign-in', { locale: ar });
    expect(
      await within(target).findByRole('heading', { name: ar.messages['signIn.title'] }),
    ).toBeInTheDocument();
    const root = target.querySelector('.pk-root');
    expect(root).toHaveAttribute('lang', 'ar');
    expect(root).toHaveAttribute('dir', 'rtl');
    unmount();
  });

  it('loads a locale asked for by its tag before it renders: in German, never in English first', async () => {
    const target = element('<div></div>');
    const unmount = mount(target, 'sign-in', { locale: 'de-CH' });
    // Nothing is rendered until the German chunk is there.
    expect(target.querySelector('.pk-root')).toBeNull();
    expect(
      await within(target).findByRole('heading', { name: de.messages['signIn.title'] }),
    ).toBeInTheDocument();
    expect(within(target).queryByRole('heading', { name: 'Sign in' })).toBeNull();
    expect(target.querySelector('.pk-root')).toHaveAttribute('lang', 'de');
    unmount();
  });
});
