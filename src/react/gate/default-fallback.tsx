import { useLayoutEffect, useRef, useState } from 'react';
import { InGate } from '../context/in-gate';
import { useProfileKit } from '../context/provider';
import { SignIn, SignUpWithBackground } from '../lazy/forms';
import { PasswordRecovery } from '../lazy/parts';
import { openedFromResetLink } from '../recovery/reset-link';
import type { DefaultFallbackProps } from '../types/gate-props';
import { usePasswordResetOffered } from './server-capabilities';

/**
 * `AuthGate`'s fallback when the host gives none: the sign-in, with switches to the sign-up and to the
 * password reset (opened directly by a reset link; offered when the server can mail one). Loaded on demand: signed-in visitors never need it.
 */
export function DefaultFallback({ appearance, questionnaire }: DefaultFallbackProps) {
  const [view, setView] = useState<View | null>(() => (openedFromResetLink() ? 'reset' : null));
  // Offered only when the server can mail the link: without a sender it would be a dead end.
  const resetOffered = usePasswordResetOffered(useProfileKit('AuthGate'));
  const marker = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => focusWhatReplaces(marker.current), []);
  // After a switch the button that was pressed is gone: the new form takes focus.
  const form =
    view === 'forgot' || view === 'reset' ? (
      <PasswordRecovery appearance={appearance} view={view} setView={setView} />
    ) : view === 'signUp' ? (
      <SignUpWithBackground
        {...appearance}
        questionnaire={questionnaire}
        autoFocus
        onSwitchToSignIn={() => setView('signIn')}
      />
    ) : (
      <SignIn
        {...appearance}
        autoFocus={view === 'signIn'}
        onSwitchToSignUp={() => setView('signUp')}
        {...(resetOffered ? { onForgotPassword: () => setView('forgot') } : {})}
      />
    );
  return (
    <InGate.Provider value>
      <span ref={marker} hidden />
      {form}
    </InGate.Provider>
  );
}

const FOCUSABLE = 'h1,h2,h3,h4,h5,h6,a[href],button,input,select,textarea,[tabindex]';

/** Focuses an element, made focusable by script alone if it is not (a heading, a paragraph). */
function focusOn(element: HTMLElement) {
  if (!element.matches('a[href],button,input,select,textarea,[tabindex]')) element.tabIndex = -1;
  element.focus();
  return element.matches(':focus');
}

/**
 * Once signed in, the form that had focus is gone and the gate shows its content in the same place: the
 * content's first heading (or control) takes focus, so it is not left on <body>. The content may come a
 * moment later (a profile to load first): it is waited for, a few seconds at most.
 */
function focusWhatReplaces(marker: HTMLSpanElement | null) {
  const parent = marker?.parentNode;
  const before = marker?.previousSibling ?? null;
  return () => {
    if (!parent) return;
    let observer: MutationObserver | undefined;
    const root = parent.getRootNode();
    const attempt = () => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      // Focus is lost when it is on <body>, or still on this shadow root's host, the form inside it gone.
      const lost =
        !active || active === document.body || (root instanceof ShadowRoot && active === root.host);
      // Someone moved focus on purpose, or the whole page changed: nothing to do.
      if (!lost || !parent.isConnected) return true;
      let first: HTMLElement | undefined;
      for (let node = before ? before.nextSibling : parent.firstChild; node; node = node.nextSibling) {
        // In a shadow root the content is the host page's own, slotted in.
        const found = node instanceof HTMLSlotElement ? node.assignedElements({ flatten: true }) : [node];
        for (const element of found) {
          // A loading state is not the content yet.
          if (!(element instanceof HTMLElement) || element.closest('[aria-busy="true"], [role="status"]'))
            continue;
          first ??= element;
          const target = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>(FOCUSABLE);
          if (target) return focusOn(target);
        }
      }
      // Content with nothing to focus (text alone): its start takes focus, past wrappers that draw no box.
      while (first && getComputedStyle(first).display === 'contents') {
        first = (first.firstElementChild as HTMLElement | null) ?? undefined;
      }
      return first ? focusOn(first) : false;
    };
    requestAnimationFrame(() => {
      // Still on the page: not replaced after all (React's development double mount, say).
      if (marker?.isConnected || attempt()) return;
      observer = new MutationObserver(() => attempt() && observer?.disconnect());
      observer.observe(parent, { childList: true, subtree: true });
      setTimeout(() => observer?.disconnect(), 5000);
    });
  };
}

type View = 'signIn' | 'signUp' | 'forgot' | 'reset';
