import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { headingTag, useAppearance } from '../context/use-appearance';
import { cardByDefault } from '../elements/card-by-default';
import { TextField } from '../elements/field';
import { FormFrame, useFormFrame } from '../elements/form-frame';
import { recoveryFeedbackMessages } from '../localization/en/recovery-feedback-messages';
import { recoveryMessages } from '../localization/en/recovery-messages';
import { signInMessages } from '../localization/en/sign-in-messages';
import { errorText } from '../localization/translate';
import type { Cx } from '../types/appearance-props';
import type { ResetPasswordProps } from '../types/recovery-props';
import { forgetResetLink, MAX_NEW_PASSWORD_LENGTH, passwordResetClient, readResetLink } from './reset-link';

type State = { kind: 'form' } | { kind: 'done' } | { kind: 'dead'; code: string };

/**
 * Sets a new password with the token of a reset link. A link that expired, was used or is incomplete
 * says so and offers a new one; after the change the person signs in with the new password.
 */
export function ResetPassword({
  token: tokenProp,
  minPasswordLength = 8,
  onSuccess,
  onError,
  onSwitchToSignIn,
  signInHref,
  onRequestNewLink,
  forgotPasswordHref,
  title,
  autoFocus,
  ...appearance
}: ResetPasswordProps) {
  const {
    context,
    t,
    cx,
    rootProps: own,
    level,
  } = useAppearance('ResetPassword', appearance, [
    recoveryFeedbackMessages,
    recoveryMessages,
    signInMessages,
  ]);
  const rootProps = cardByDefault(own, appearance, context);
  const Heading = headingTag(level);
  const [link] = useState(() => (tokenProp ? { token: tokenProp } : readResetLink()));
  const token = tokenProp ?? link.token;
  const [state, setState] = useState<State>(() =>
    token ? { kind: 'form' } : { kind: 'dead', code: link.error ? 'INVALID_TOKEN' : 'RESET_TOKEN_MISSING' },
  );
  // A dead link read from the address leaves it at once: its error is nobody else's (the sign-in's social
  // buttons read `?error=`), and the page, once left, opens on the sign-in again rather than here.
  useEffect(() => {
    if (!tokenProp && !link.token) forgetResetLink();
  }, [tokenProp, link]);
  const [errors, setErrors] = useState<{ password?: string; form?: string }>({});
  // The heading's focus follows the state, below, rather than the frame's autoFocus.
  const frame = useFormFrame();
  const { id, heading, focusFirstInvalid } = frame;
  const first = useRef(true);
  // Focus follows the heading when the form first appears (if asked) and whenever the state changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: autoFocus only counts for the first render
  useEffect(() => {
    if (first.current) {
      first.current = false;
      if (!autoFocus) return;
    }
    heading.current?.focus();
  }, [state.kind]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (frame.busy.current || !token) return;
    const newPassword = String(new FormData(event.currentTarget).get('password') ?? '');
    const invalid = !newPassword
      ? t('issue.required')
      : newPassword.length < minPasswordLength
        ? t('reset.tooShort', { min: minPasswordLength })
        : newPassword.length > MAX_NEW_PASSWORD_LENGTH
          ? t('reset.tooLong', { max: MAX_NEW_PASSWORD_LENGTH })
          : '';
    if (invalid) {
      setErrors({ password: invalid });
      focusFirstInvalid();
      return;
    }
    setErrors({});
    const result = await frame.send(() =>
      passwordResetClient(context.authClient).resetPassword({ newPassword, token }),
    );
    if (result.ok) {
      forgetResetLink();
      setState({ kind: 'done' });
      onSuccess?.();
      return;
    }
    const { code, field } = result.failure;
    onError?.(code);
    if (code === 'INVALID_TOKEN' || code === 'TOKEN_EXPIRED') {
      forgetResetLink();
      setState({ kind: 'dead', code });
    } else if (field === 'password') {
      setErrors({ password: errorText(t, code) });
      focusFirstInvalid();
    } else {
      setErrors({ form: errorText(t, code) });
    }
  }

  const headingNode = (text: ReactNode) => (
    <Heading id={`${id}-title`} ref={heading} tabIndex={-1} className={cx('title')}>
      {title ?? text}
    </Heading>
  );

  if (state.kind === 'dead') {
    return (
      <div {...rootProps} data-pk-part="auth">
        <section className={cx('form')} aria-labelledby={`${id}-title`} data-pk-state="dead">
          {headingNode(t('reset.invalidTitle'))}
          <p role="alert" className={cx('alert')}>
            {errorText(t, state.code)}
          </p>
          <NextStep
            label={t('reset.requestNew')}
            onClick={onRequestNewLink}
            href={forgotPasswordHref}
            cx={cx}
          />
        </section>
      </div>
    );
  }

  if (state.kind === 'done') {
    return (
      <div {...rootProps} data-pk-part="auth">
        <section className={cx('form')} aria-labelledby={`${id}-title`} data-pk-state="done">
          {headingNode(t('reset.doneTitle'))}
          <p role="status" className={cx('description')}>
            {t('reset.doneText')}
          </p>
          <NextStep label={t('reset.toSignIn')} onClick={onSwitchToSignIn} href={signInHref} cx={cx} />
        </section>
      </div>
    );
  }

  return (
    <FormFrame
      frame={frame}
      cx={cx}
      rootProps={rootProps}
      level={level}
      part="auth"
      title={title ?? t('reset.title')}
      description={title === undefined ? t('reset.description') : undefined}
      onSubmit={submit}
      alert={errors.form}
      submitLabel={t('reset.submit')}
      pendingLabel={t('reset.submitting')}
      footer={
        onSwitchToSignIn || signInHref ? (
          <p className={cx('description')}>
            {onSwitchToSignIn ? (
              <button type="button" className={cx('linkButton')} onClick={onSwitchToSignIn}>
                {t('forgot.toSignIn')}
              </button>
            ) : (
              <a className={cx('linkButton')} href={signInHref}>
                {t('forgot.toSignIn')}
              </a>
            )}
          </p>
        ) : null
      }
    >
      {/* For password managers, which attach a new password to a username field (hidden, and empty here). */}
      <input type="text" name="username" autoComplete="username" hidden readOnly value="" />
      <TextField
        id={`${id}-password`}
        name="password"
        type="password"
        autoComplete="new-password"
        label={t('reset.password')}
        description={t('reset.passwordHint', { min: minPasswordLength })}
        maxLength={MAX_NEW_PASSWORD_LENGTH}
        error={errors.password}
        cx={cx}
      />
    </FormFrame>
  );
}

function NextStep({
  label,
  onClick,
  href,
  cx,
}: {
  label: string;
  onClick: (() => void) | undefined;
  href: string | undefined;
  cx: Cx;
}) {
  if (!onClick && !href) return null;
  return (
    <div className={cx('actions')}>
      {onClick ? (
        <button type="button" className={cx('button')} onClick={onClick}>
          {label}
        </button>
      ) : (
        <a className={cx('button')} href={href}>
          {label}
        </a>
      )}
    </div>
  );
}
