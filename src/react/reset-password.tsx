import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { callAuth } from './auth-errors';
import { type AppearanceProps, headingTag, useAppearance } from './context';
import { type Cx, srOnly, TextField, useFocusFirstInvalid } from './field';
import { errorText } from './messages';
import { forgetResetLink, MAX_NEW_PASSWORD_LENGTH, passwordResetClient, readResetLink } from './recovery';
import { recoveryMessages } from './recovery-messages';
import { signInMessages } from './sign-in-messages';

export interface ResetPasswordProps extends AppearanceProps {
  /** The token from the reset link. Default: the `token` query parameter of this page. */
  token?: string;
  /** Must match better-auth's `minPasswordLength`, as for the sign-up. Default 8. */
  minPasswordLength?: number;
  /**
   * Called once the password is changed. better-auth ends every session of the person, this browser's
   * too, so the person signs in next with the new password.
   */
  onSuccess?: () => void;
  /** Called with the error code when the reset fails. */
  onError?: (code: string) => void;
  /** Shows a "Sign in" button after the change that calls this (or use `signInHref`). */
  onSwitchToSignIn?: () => void;
  /** Shows a "Sign in" link after the change. */
  signInHref?: string;
  /** Shows a "Send me a new link" button when the link is dead that calls this (or use `forgotPasswordHref`). */
  onRequestNewLink?: () => void;
  /** Shows a "Send me a new link" link when the link is dead. */
  forgotPasswordHref?: string;
  /** Replaces the heading. */
  title?: ReactNode;
  /** Moves focus to the heading when the form appears. */
  autoFocus?: boolean;
}

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
  const { context, t, cx, rootProps, level } = useAppearance('ResetPassword', appearance, [
    recoveryMessages,
    signInMessages,
  ]);
  const Heading = headingTag(level);
  const id = useId();
  const [link] = useState(() => (tokenProp ? { token: tokenProp } : readResetLink()));
  const token = tokenProp ?? link.token;
  const [state, setState] = useState<State>(() =>
    token ? { kind: 'form' } : { kind: 'dead', code: link.error ? 'INVALID_TOKEN' : 'RESET_TOKEN_MISSING' },
  );
  const [errors, setErrors] = useState<{ password?: string; form?: string }>({});
  const [pending, setPending] = useState(false);
  const busy = useRef(false);
  const { container, focusFirstInvalid } = useFocusFirstInvalid<HTMLFormElement>();
  const heading = useRef<HTMLHeadingElement>(null);
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
    if (busy.current || !token) return;
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
    busy.current = true;
    setPending(true);
    const result = await callAuth(() =>
      passwordResetClient(context.authClient).resetPassword({ newPassword, token }),
    );
    busy.current = false;
    setPending(false);
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
      <div {...rootProps}>
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
      <div {...rootProps}>
        <section className={cx('form')} aria-labelledby={`${id}-title`} data-pk-state="done">
          {headingNode(t('reset.title'))}
          <p role="status" className={cx('description')}>
            {t('reset.done')}
          </p>
          <NextStep label={t('reset.toSignIn')} onClick={onSwitchToSignIn} href={signInHref} cx={cx} />
        </section>
      </div>
    );
  }

  return (
    <div {...rootProps}>
      <form
        ref={container}
        className={cx('form')}
        noValidate
        onSubmit={submit}
        aria-labelledby={`${id}-title`}
        aria-busy={pending || undefined}
      >
        {headingNode(t('reset.title'))}
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
        {errors.form ? (
          <p role="alert" className={cx('alert')}>
            {errors.form}
          </p>
        ) : null}
        <div className={cx('actions')}>
          <button type="submit" className={cx('button')} disabled={pending}>
            {pending ? t('reset.submitting') : t('reset.submit')}
          </button>
        </div>
        <p role="status" style={srOnly}>
          {pending ? t('reset.submitting') : ''}
        </p>
      </form>
    </div>
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
