import { type FormEvent, useState } from 'react';
import { useSession } from '../context/use-session';
import { TextField } from '../elements/field';
import { FormAlert, LiveStatus, useFormFrame } from '../elements/form-frame';
import { Loading } from '../elements/loading';
import { errorText } from '../localization/translate';
import { resetLinkTarget } from '../recovery/reset-link';
import type { PasswordSectionProps } from '../types/settings-props';
import {
  failureMessage,
  LoadError,
  pickAccounts,
  SectionFrame,
  SuccessNote,
  useLoaded,
  useSection,
} from './settings-section';

type Errors = { current?: string; next?: string; confirm?: string; form?: string };

const MIN_PASSWORD = 8;
const MAX_PASSWORD = 128;

/**
 * Changes the password (the current one, the new one twice, and "sign out of every other device", on by
 * default) through better-auth's `change-password`. An account without a password (social sign-in only)
 * gets "Email me a link to set a password", better-auth's reset link, which sets one.
 */
export function PasswordSection(props: PasswordSectionProps) {
  const { t, cx, rootProps, level, client } = useSection('PasswordSection', props);
  const { user } = useSession();
  const frame = useFormFrame();
  const accounts = useLoaded(client.listAccounts, pickAccounts);
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<string | null>(null);
  if (!user) return null;
  const title = props.title ?? t('password.title');
  const frameProps = { id: frame.id, cx, rootProps, level, name: 'password', title };

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
  const hasPassword = accounts.value.data.some((a) => a.providerId === 'credential');

  async function sendLink() {
    if (frame.busy.current || !user) return;
    const request = client.requestPasswordReset;
    if (!request) return;
    setErrors({});
    const email = user.email;
    const result = await frame.send(() =>
      request({ email, redirectTo: props.redirectTo ?? resetLinkTarget() }),
    );
    if (result.ok) {
      setDone(t('password.setSent', { email }));
      props.onSuccess?.({ section: 'password', action: 'password-link-sent' });
    } else {
      setErrors({ form: failureMessage(t, result.failure) });
      props.onError?.(result.failure.code);
    }
  }

  if (!hasPassword) {
    return (
      <SectionFrame {...frameProps} description={t('password.none')}>
        <FormAlert message={errors.form} cx={cx} />
        <div className={cx('actions')}>
          <button
            type="button"
            className={cx('secondaryButton')}
            aria-disabled={frame.pending || undefined}
            onClick={() => void sendLink()}
          >
            {frame.pending ? t('password.setting') : t('password.set')}
          </button>
        </div>
        <SuccessNote message={done} cx={cx} />
      </SectionFrame>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (frame.busy.current) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    const confirm = String(data.get('confirmPassword') ?? '');
    const revokeOtherSessions = data.get('revokeOtherSessions') === 'on';
    const next: Errors = {};
    if (!currentPassword) next.current = t('issue.required');
    if (!newPassword) next.next = t('issue.required');
    else if (newPassword.length < MIN_PASSWORD) next.next = t('issue.too_short', { min: MIN_PASSWORD });
    else if (newPassword.length > MAX_PASSWORD) next.next = t('issue.too_long', { max: MAX_PASSWORD });
    if (!next.next && confirm !== newPassword) next.confirm = t('password.mismatch');
    setErrors(next);
    setDone(null);
    if (next.current || next.next || next.confirm) {
      frame.focusFirstInvalid();
      return;
    }
    const change = client.changePassword;
    if (!change) {
      setErrors({ form: errorText(t, 'NOT_FOUND') });
      return;
    }
    const result = await frame.send(() => change({ currentPassword, newPassword, revokeOtherSessions }));
    if (result.ok) {
      form.reset();
      setDone(revokeOtherSessions ? t('password.changedOthersOut') : t('password.changed'));
      props.onSuccess?.({ section: 'password', action: 'password-changed' });
      return;
    }
    const { failure } = result;
    if (failure.code === 'INVALID_PASSWORD') setErrors({ current: t('password.wrong') });
    else if (failure.field === 'password') setErrors({ next: errorText(t, failure.code) });
    else setErrors({ form: failureMessage(t, failure) });
    if (failure.field === 'password') frame.focusFirstInvalid();
    props.onError?.(failure.code);
  }

  return (
    <SectionFrame {...frameProps}>
      <form
        ref={frame.container}
        className={cx('form')}
        noValidate
        onSubmit={submit}
        aria-label={t('password.title')}
        aria-busy={frame.pending || undefined}
      >
        {/* For password managers: the account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <TextField
          id={`${frame.id}-current`}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t('settings.currentPassword')}
          error={errors.current}
          cx={cx}
        />
        <TextField
          id={`${frame.id}-new`}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={t('password.new')}
          error={errors.next}
          cx={cx}
        />
        <TextField
          id={`${frame.id}-confirm`}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          label={t('password.confirm')}
          error={errors.confirm}
          cx={cx}
        />
        <div className={cx('field')}>
          <label className={cx('label')}>
            <input type="checkbox" name="revokeOtherSessions" defaultChecked className={cx('checkbox')} />{' '}
            {t('password.signOutOthers')}
          </label>
        </div>
        <FormAlert message={errors.form} cx={cx} />
        <div className={cx('actions')}>
          <button type="submit" className={cx('button')} disabled={frame.pending}>
            {frame.pending ? t('password.submitting') : t('password.submit')}
          </button>
        </div>
        <SuccessNote message={done} cx={cx} />
        <LiveStatus>{frame.pending ? t('password.submitting') : ''}</LiveStatus>
      </form>
    </SectionFrame>
  );
}
