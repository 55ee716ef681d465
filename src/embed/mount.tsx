import { type ComponentType, useLayoutEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { ProfileKitProvider } from '../react/context/provider';
import css from '../styles.css?inline';
import { clientsFor, resolveBaseURL } from './clients';
import type { Mounted, Place, WidgetChunk } from './contract';
import { localeFor } from './locales';
import type { EmbedOptions } from './options';

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

/**
 * An element chunk's `mount` for one component. `gate`: the element's children are the component's
 * children (slotted in a shadow root, moved in otherwise).
 */
export function mountWith(
  Widget: ComponentType<Record<string, unknown>>,
  { gate = false } = {},
): WidgetChunk['mount'] {
  return function mount({ element, shadowRoot, content }: Place, options: EmbedOptions): Mounted {
    const container = document.createElement('div');
    if (shadowRoot) {
      addStyles(shadowRoot);
      shadowRoot.append(container);
    } else {
      addStyles(document);
      element.append(container);
    }
    const root = createRoot(container);
    let current: EmbedOptions | null = null;

    function render(merged: EmbedOptions) {
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
        if (current === merged) render(merged);
      });
      current = merged;
      if (!ready) return;
      const { authClient, profileClient } = clientsFor(resolveBaseURL(baseURL), authMode);
      const children = !gate ? undefined : shadowRoot ? (
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
      },
    };
  };
}
