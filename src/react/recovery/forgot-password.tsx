import { type FormEvent, useEffect, useRef, useState } from 'react';
import { EMAIL_PATTERN } from '../context/auth-call';
import { useAppearance } from '../context/use-appearance';
import { cardByDefault } from '../elements/card-by-default';
import { TextField } from '../elements/field';
import { FormFrame, useFormFrame } from '../elements/form-frame';
import { recoveryMessages } from '../localization/en/recovery-messages';
import { signInMessages } from '../localization/en/sign-in-messages';
import { errorText } from '../localization/translate';
import type { ForgotPasswordProps } from '../types/recovery-props';
import { passwordResetClient, resetLinkTarget } from './reset-link';

/**
 * Asks for the email address of an account and has better-auth send it a password-reset link. It answers
 * the same whether or not an account uses the address, so nobody learns who has one.
 */
export function ForgotPassword({
  redirectTo,
  onSent,
  onError,
  onSwitchToSignIn,
  defaultEmail,
  title,
  autoFocus,
  ...appearance
}: ForgotPasswordProps) {
  const {
    context,
    t,
    cx,
    rootProps: own,
    level,
  } = useAppearance('ForgotPassword', appearance, [recoveryMessages, signInMessages]);
  const rootProps = cardByDefault(own, appearance, context);
  const frame = useFormFrame(autoFocus);
  const [error, setError] = useState<{ email?: string; form?: string }>({});
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sentNotice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (sentTo) sentNotice.current?.focus();
  }, [sentTo]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (frame.busy.current) return;
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    const invalid = !email ? t('issue.required') : EMAIL_PATTERN.test(email) ? '' : t('issue.invalid_email');
    if (invalid) {
      setError({ email: invalid });
      frame.focusFirstInvalid();
      return;
    }
    setError({});
    const result = await frame.send(() =>
      passwordResetClient(context.authClient).requestPasswordReset({
        email,
        redirectTo: redirectTo ?? resetLinkTarget(),
      }),
    );
    if (result.ok) {
      setSentTo(email);
      onSent?.(email);
      return;
    }
    const { code, field } = result.failure;
    setError(field === 'email' ? { email: errorText(t, code) } : { form: errorText(t, code) });
    if (field === 'email') frame.focusFirstInvalid();
    onError?.(code);
  }

  return (
    <FormFrame
      frame={frame}
      cx={cx}
      rootProps={rootProps}
      level={level}
      part="auth"
      title={title ?? t('forgot.title')}
      description={t('forgot.description')}
      onSubmit={submit}
      alert={error.form}
      notice={
        sentTo ? (
          <p ref={sentNotice} tabIndex={-1} className={cx('description')} data-pk-state="sent">
            {t('forgot.sent', { email: sentTo })}
          </p>
        ) : null
      }
      secondary={sentTo !== null}
      submitLabel={sentTo ? t('forgot.sendAgain') : t('forgot.submit')}
      pendingLabel={t('forgot.submitting')}
      footer={
        onSwitchToSignIn ? (
          <p className={cx('description')}>
            <button type="button" className={cx('linkButton')} onClick={onSwitchToSignIn}>
              {t('forgot.toSignIn')}
            </button>
          </p>
        ) : null
      }
    >
      <TextField
        id={`${frame.id}-email`}
        name="email"
        type="email"
        autoComplete="email"
        label={t('forgot.email')}
        defaultValue={defaultEmail}
        error={error.email}
        cx={cx}
      />
    </FormFrame>
  );
}
