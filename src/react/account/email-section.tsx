import { type FormEvent, useState } from 'react';
import { EMAIL_PATTERN } from '../context/auth-call';
import { useSession } from '../context/use-session';
import { TextField } from '../elements/field';
import { FormAlert, LiveStatus, useFormFrame } from '../elements/form-frame';
import { errorText } from '../localization/translate';
import type { EmailSectionProps } from '../types/settings-props';
import {
  failureMessage,
  pickAccounts,
  SectionFrame,
  SuccessNote,
  useLoaded,
  useSection,
} from './settings-section';

type Errors = { email?: string; password?: string; form?: string };

/** This page, where links and providers lead back to by default. */
export const here = () => (typeof window === 'undefined' ? '/' : window.location.href);

/**
 * Changes the email address through better-auth's `change-email`: the current password first (an account
 * without one signs in again), then a link to the new address; nothing changes until it is followed.
 * A taken address is answered like a free one: only its mailbox hears of it.
 */
export function EmailSection(props: EmailSectionProps) {
  const { t, cx, rootProps, level, client } = useSection('EmailSection', props);
  const { user } = useSession();
  const frame = useFormFrame();
  const accounts = useLoaded(client.listAccounts, pickAccounts);
  const [errors, setErrors] = useState<Errors>({});
  const [sent, setSent] = useState<string | null>(null);
  const [reauthenticate, setReauthenticate] = useState(false);
  if (!user) return null;
  const list = accounts.value.state === 'ready' ? accounts.value.data : null;
  const hasPassword = list ? list.some((a) => a.providerId === 'credential') : true;
  const provider = list?.find((a) => a.providerId !== 'credential')?.providerId;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (frame.busy.current || !user) return;
    const data = new FormData(event.currentTarget);
    const newEmail = String(data.get('newEmail') ?? '').trim();
    const currentPassword = String(data.get('currentPassword') ?? '');
    const next: Errors = {};
    if (!newEmail) next.email = t('issue.required');
    else if (!EMAIL_PATTERN.test(newEmail)) next.email = t('issue.invalid_email');
    else if (newEmail.toLowerCase() === user.email.toLowerCase()) next.email = t('email.same');
    if (hasPassword && !currentPassword) next.password = t('issue.required');
    setErrors(next);
    setSent(null);
    if (next.email || next.password) {
      frame.focusFirstInvalid();
      return;
    }
    const change = client.changeEmail;
    if (!change) {
      setErrors({ form: errorText(t, 'CHANGE_EMAIL_DISABLED') });
      return;
    }
    const body = {
      newEmail,
      callbackURL: props.callbackURL ?? here(),
      ...(hasPassword ? { currentPassword } : {}),
    };
    const result = await frame.send(() => change(body));
    if (result.ok) {
      setSent(t('email.sent', { email: newEmail, current: user.email }));
      setReauthenticate(false);
      props.onSuccess?.({ section: 'email', action: 'email-link-sent' });
      return;
    }
    const { failure } = result;
    if (failure.code === 'INVALID_PASSWORD') {
      setErrors({ password: t('password.wrong') });
      frame.focusFirstInvalid();
    } else if (failure.code === 'INVALID_EMAIL') {
      setErrors({ email: t('issue.invalid_email') });
      frame.focusFirstInvalid();
    } else if (failure.code === 'REAUTHENTICATION_REQUIRED' && !hasPassword) {
      setReauthenticate(true);
    } else {
      setErrors({ form: failureMessage(t, failure) });
    }
    props.onError?.(failure.code);
  }

  async function signInAgain() {
    const social = client.signIn.social;
    if (!provider || !social) return;
    await social({ provider, callbackURL: here(), errorCallbackURL: here() });
  }

  return (
    <SectionFrame
      id={frame.id}
      cx={cx}
      rootProps={rootProps}
      level={level}
      name="email"
      title={props.title ?? t('email.title')}
      description={t('email.current', { email: user.email })}
    >
      <form
        ref={frame.container}
        className={cx('form')}
        noValidate
        onSubmit={submit}
        aria-label={t('email.title')}
        aria-busy={frame.pending || undefined}
      >
        <TextField
          id={`${frame.id}-email`}
          name="newEmail"
          type="email"
          autoComplete="email"
          spellCheck={false}
          label={t('email.new')}
          error={errors.email}
          cx={cx}
        />
        {hasPassword ? (
          <TextField
            id={`${frame.id}-password`}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            label={t('settings.currentPassword')}
            error={errors.password}
            cx={cx}
          />
        ) : null}
        <FormAlert message={errors.form} cx={cx} />
        {reauthenticate ? (
          <div role="alert" className={cx('alert')}>
            <p>{t('email.reauthenticate')}</p>
            {provider ? (
              <button type="button" className={cx('secondaryButton')} onClick={() => void signInAgain()}>
                {t('email.signInAgain')}
              </button>
            ) : null}
          </div>
        ) : null}
        <div className={cx('actions')}>
          <button type="submit" className={cx('button')} disabled={frame.pending}>
            {frame.pending ? t('email.submitting') : t('email.submit')}
          </button>
        </div>
        <SuccessNote message={sent} cx={cx} />
        <LiveStatus>{frame.pending ? t('email.submitting') : ''}</LiveStatus>
      </form>
    </SectionFrame>
  );
}
