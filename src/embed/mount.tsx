import { type ComponentType, useLayoutEffect, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  AuthGate,
  ProfileEditor,
  ProfileKitProvider,
  SignIn,
  SignUpWithBackground,
  UserMenu,
} from '../react/index';
import css from '../styles.css?inline';
import { clientsFor, resolveBaseURL, sharedConfig } from './clients';
import { localeFor } from './locales';
import { type EmbedOptions, fail, validateOptions, type WidgetName } from './options';

function addStyles(target: Document | ShadowRoot) {
  const parent = target instanceof Document ? target.head : target;
  if (parent.querySelector(':scope > style[data-profilekit]')) return;
  const style = document.createElement('style');
  style.dataset.profilekit = '';
  style.textContent = css;
  parent.append(style);
}

/** Shows nodes that belong to the host page (the gate's content) inside the widget, and gives them back. */
function HostContent({ nodes }: { nodes: DocumentFragment }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const target = box.current;
    if (!target) return;
    target.append(nodes);
    return () => nodes.append(...target.childNodes);
  }, [nodes]);
  return <div ref={box} style={{ display: 'contents' }} />;
}

export interface Mounted {
  render(options: EmbedOptions): void;
  unmount(): void;
}

export function mountWidget(element: Element, name: WidgetName, options: EmbedOptions): Mounted {
  const shadow = options.shadow ?? sharedConfig().shadow ?? false;
  let container: HTMLElement;
  let root: Root;
  let content: DocumentFragment | null = null;
  let shadowRoot: ShadowRoot | null = null;
  if (shadow) {
    shadowRoot = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    addStyles(shadowRoot);
    container = document.createElement('div');
    shadowRoot.append(container);
  } else {
    addStyles(document);
    if (name === 'auth-gate') {
      // The element's own children are the gated content: hold them until the gate lets them show.
      content = document.createDocumentFragment();
      content.append(...element.childNodes);
    }
    container = document.createElement('div');
    element.append(container);
  }
  root = createRoot(container);
  let current: EmbedOptions | null = null;

  function render(own: EmbedOptions) {
    const merged: EmbedOptions = { ...sharedConfig(), ...own };
    const {
      baseURL,
      authMode = 'cookie',
      shadow: _shadow,
      questionnaire,
      socialProviders,
      locale: wanted,
      ...props
    } = merged;
    // A locale by tag loads first: the widget shows in its language, never in English for a moment.
    const { ready, locale } = localeFor(wanted, () => {
      if (current === own) render(own);
    });
    current = own;
    if (!ready) return;
    const { authClient, profileClient } = clientsFor(resolveBaseURL(baseURL), authMode);
    const Widget = {
      'sign-up': SignUpWithBackground,
      'profile-editor': ProfileEditor,
      'auth-gate': AuthGate,
      'sign-in': SignIn,
      'user-menu': UserMenu,
    }[name] as ComponentType<Record<string, unknown>>;
    const children =
      name !== 'auth-gate' ? undefined : shadowRoot ? (
        <slot />
      ) : content ? (
        <HostContent nodes={content} />
      ) : null;
    root.render(
      <ProfileKitProvider
        authClient={authClient}
        profileClient={profileClient}
        questionnaire={questionnaire}
        socialProviders={socialProviders}
        locale={locale}
        portalContainer={shadowRoot ? container : undefined}
      >
        <Widget {...props}>{children}</Widget>
      </ProfileKitProvider>,
    );
  }

  render(options);
  return {
    render,
    unmount() {
      current = null;
      root.unmount();
      container.remove();
      if (content) element.append(content);
    },
  };
}

/**
 * Renders a widget into an element of the page and returns a function that removes it again.
 * Throws a {@link EmbedError} naming the problem when the element, the widget name or an option is wrong.
 *
 * @example
 * const unmount = ProfileKit.mount(document.querySelector('#join'), 'sign-up', {
 *   baseURL: 'https://auth.example.com',
 *   mode: 'dialog',
 * });
 */
export function mount(element: Element, name: WidgetName, options: EmbedOptions = {}): () => void {
  if (!(element instanceof Element)) fail(`mount needs an element of the page; got ${String(element)}`);
  validateOptions(name, options);
  const mounted = mountWidget(element, name, options);
  return () => mounted.unmount();
}
