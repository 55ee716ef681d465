import { useId, useState } from 'react';
import { callAuth } from '../context/auth-call';
import { LiveStatus } from '../elements/form-frame';
import { Loading } from '../elements/loading';
import { PROVIDER_NAMES } from '../localization/en/account-messages';
import type { Translate } from '../types/message-keys';
import type { SignInMethodsSectionProps } from '../types/settings-props';
import { here } from './email-section';
import {
  failureMessage,
  type LinkedAccount,
  LoadError,
  pickAccounts,
  SectionFrame,
  SuccessNote,
  useLoaded,
  useSection,
} from './settings-section';

function providerName(t: Translate, id: string, given?: string) {
  if (id === 'credential') return t('methods.password');
  return given ?? PROVIDER_NAMES[id] ?? id;
}

/**
 * The ways in to the account (email and password, each provider) from better-auth's `list-accounts`:
 * connect a provider through `link-social`, disconnect one through `unlink-account`. better-auth refuses
 * to remove the last way in, and the section says why.
 */
export function SignInMethodsSection(props: SignInMethodsSectionProps) {
  const { t, cx, rootProps, level, client, context } = useSection('SignInMethodsSection', props);
  const id = useId();
  const accounts = useLoaded(client.listAccounts, pickAccounts);
  const [done, setDone] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = props.title ?? t('methods.title');
  const frameProps = {
    id,
    cx,
    rootProps,
    level,
    name: 'methods',
    title,
    description: t('methods.description'),
  };
  const available = (props.providers ?? context.socialProviders ?? []).map((p) =>
    typeof p === 'string'
      ? { id: p, name: providerName(t, p) }
      : { id: p.id, name: providerName(t, p.id, p.name) },
  );

  if (accounts.value.state === 'loading') {
    return (
      <SectionFrame {...frameProps}>
        <Loading theme={props.theme} unstyled={props.unstyled} />
      </SectionFrame>
    );
  }
  if (accounts.value.state === 'error') {
    return (
      <SectionFrame {...frameProps}>
        <LoadError failure={accounts.value.failure} retry={() => void accounts.reload()} t={t} cx={cx} />
      </SectionFrame>
    );
  }
  const linked = accounts.value.data;
  const unlinked = available.filter((p) => !linked.some((a) => a.providerId === p.id));
  const nameOf = (account: LinkedAccount) =>
    providerName(t, account.providerId, available.find((p) => p.id === account.providerId)?.name);

  async function unlink(account: LinkedAccount) {
    const call = client.unlinkAccount;
    if (busy || !call) return;
    setBusy(true);
    setAlert(null);
    setDone(null);
    const result = await callAuth(() => call({ accountId: account.id, providerId: account.providerId }));
    setBusy(false);
    if (result.ok) {
      accounts.set(linked.filter((a) => a.id !== account.id));
      setDone(t('methods.unlinked', { provider: nameOf(account) }));
      props.onSuccess?.({ section: 'methods', action: 'unlinked' });
      return;
    }
    setAlert(failureMessage(t, result.failure));
    props.onError?.(result.failure.code);
  }

  async function link(provider: string) {
    const call = client.linkSocial;
    if (busy || !call) return;
    setBusy(true);
    setAlert(null);
    const result = await callAuth(() => call({ provider, callbackURL: props.callbackURL ?? here() }));
    if (result.ok) {
      // better-auth's client sends the browser to the provider; it comes back to `callbackURL`.
      props.onSuccess?.({ section: 'methods', action: 'linking' });
      return;
    }
    setBusy(false);
    setAlert(failureMessage(t, result.failure));
    props.onError?.(result.failure.code);
  }

  return (
    <SectionFrame {...frameProps}>
      <ul className={cx('options')} data-pk-part="methods">
        {linked.map((account) => (
          <li key={account.id} data-pk-provider={account.providerId}>
            <span>
              <strong>{nameOf(account)}</strong>{' '}
              <span className={cx('description')}>{t('methods.connected')}</span>
            </span>
            <button
              type="button"
              className={cx('secondaryButton')}
              aria-label={t('methods.unlinkLabel', { provider: nameOf(account) })}
              aria-disabled={busy || undefined}
              onClick={() => void unlink(account)}
            >
              {t('methods.unlink')}
            </button>
          </li>
        ))}
      </ul>
      {alert ? (
        <p role="alert" className={cx('alert')}>
          {alert}
        </p>
      ) : null}
      {unlinked.length > 0 ? (
        <div className={cx('actions')}>
          {unlinked.map((provider) => (
            <button
              key={provider.id}
              type="button"
              className={cx('secondaryButton')}
              data-pk-provider={provider.id}
              aria-disabled={busy || undefined}
              onClick={() => void link(provider.id)}
            >
              {t('methods.link', { provider: provider.name })}
            </button>
          ))}
        </div>
      ) : null}
      <SuccessNote message={done} cx={cx} />
      <LiveStatus>{busy ? t('settings.loading') : ''}</LiveStatus>
    </SectionFrame>
  );
}
