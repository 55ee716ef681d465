import { useEffect, useState } from 'react';
import { callAuth } from '../context/auth-call';
import { useAppearance } from '../context/use-appearance';
import { srOnly } from '../elements/field';
import { accountMessages, PROVIDER_NAMES } from '../localization/en/account-messages';
import { signInMessages } from '../localization/en/sign-in-messages';
import { errorText } from '../localization/translate';
import type { SocialButtonsProps } from '../types/account-props';
import type { SocialProvider, SocialRedirects } from '../types/auth-client';
import { accountClient } from './account-client';

interface Resolved {
  id: string;
  name: string;
}

function resolve(provider: SocialProvider): Resolved {
  const given = typeof provider === 'string' ? { id: provider } : provider;
  return { id: given.id, name: given.name ?? PROVIDER_NAMES[given.id] ?? given.id };
}

const ERROR_PARAMS = ['error', 'error_description'];

/**
 * Reads the `?error=` better-auth puts on the page a failed social sign-in comes back to, and takes it off
 * the address so a reload does not show it again.
 */
function takeRedirectError(): string | null {
  if (typeof window === 'undefined') return null;
  const url = new URL(window.location.href);
  const code = url.searchParams.get('error');
  if (!code) return null;
  for (const name of ERROR_PARAMS) url.searchParams.delete(name);
  window.history.replaceState(window.history.state, '', url.href);
  return code;
}

/** This page without the error parameters: where the person comes back to, either way. */
function hereWithoutError(): string {
  const url = new URL(window.location.href);
  for (const name of ERROR_PARAMS) url.searchParams.delete(name);
  return url.href;
}

/**
 * "Continue with …" buttons for the social and OpenID Connect providers configured in better-auth. The
 * browser leaves for the provider and comes back signed in (to `callbackURL`, default this page) or with
 * `?error=` (to `errorCallbackURL`, default this page), which these buttons then explain.
 */
export function SocialButtons({
  providers,
  callbackURL,
  errorCallbackURL,
  newUserCallbackURL,
  onError,
  separator = true,
  nested = false,
  ...appearance
}: SocialButtonsProps) {
  const { context, t, cx, rootProps } = useAppearance('SocialButtons', appearance, [
    accountMessages,
    signInMessages,
  ]);
  const list = (providers ?? context.socialProviders ?? []).map(resolve);
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: read once, when the page comes back
  useEffect(() => {
    const code = takeRedirectError();
    if (code) {
      setError(code);
      onError?.(code);
    }
  }, []);

  if (list.length === 0) return null;

  async function go(provider: Resolved) {
    if (leaving) return;
    const client = accountClient(context.authClient);
    const here = hereWithoutError();
    const redirects: SocialRedirects = {
      callbackURL: callbackURL ?? here,
      errorCallbackURL: errorCallbackURL ?? here,
      ...(newUserCallbackURL ? { newUserCallbackURL } : {}),
    };
    const signIn = client.signIn.social;
    if (!signIn) {
      setError('PROVIDER_NOT_FOUND');
      return;
    }
    setError(null);
    setLeaving(provider.name);
    // On success better-auth's client sends the browser to the provider; this page is left behind.
    const result = await callAuth(() => signIn({ provider: provider.id, ...redirects }));
    if (!result.ok) {
      setLeaving(null);
      setError(result.failure.code);
      onError?.(result.failure.code);
    }
  }

  return (
    <div
      {...(nested ? {} : rootProps)}
      className={[nested ? '' : rootProps.className, cx('social')].filter(Boolean).join(' ') || undefined}
    >
      {error ? (
        <p role="alert" className={cx('alert')}>
          {errorText(t, error)}
        </p>
      ) : null}
      {list.map((provider) => (
        <button
          key={provider.id}
          type="button"
          className={cx('secondaryButton')}
          data-pk-provider={provider.id}
          aria-disabled={leaving ? true : undefined}
          onClick={() => void go(provider)}
        >
          {t('social.continueWith', { provider: provider.name })}
        </button>
      ))}
      {separator ? (
        <p className={cx('description')} data-pk-part="separator">
          {t('social.or')}
        </p>
      ) : null}
      <p role="status" style={srOnly}>
        {leaving ? t('social.redirecting', { provider: leaving }) : ''}
      </p>
    </div>
  );
}
