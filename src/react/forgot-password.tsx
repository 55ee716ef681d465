import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { callAuth, EMAIL_PATTERN } from './auth-errors';
import { type AppearanceProps, headingTag, useAppearance } from './context';
import { srOnly, TextField, useFocusFirstInvalid } from './field';
import { errorText } from './messages';
import { passwordResetClient, resetLinkTarget } from './recovery';
import { recoveryMessages } from './recovery-messages';
import { signInMessages } from './sign-in-messages';

export interface ForgotPasswordProps extends AppearanceProps {
  /**
   * The page the emailed link opens, where a `ResetPassword` reads the token. better-auth appends
   * `token` (or `error=INVALID_TOKEN`) to it, and accepts it only on an origin in its `trustedOrigins`.
   * Default: this page, marked so that `AuthGate`'s default fallback opens the reset form.
   */
  redirectTo?: string;
  /** Called once the request is answered (the same answer whether or not the account exists). */
  onSent?: (email: string) => void;
  /** Called with the error code when the request fails. */
  onError?: (code: string) => void;
  /** Shows a "Back to sign in" button that calls this. */
  onSwitchToSignIn?: () => void;
  /** Fills the email field, e.g. with what the person typed into the sign-in form. */
  defaultEmail?: string;
  /** Replaces the heading. */
  title?: ReactNode;
  /** Moves focus to the heading when the form appears (as when a person switches to it). */
  autoFocus?: boolean;
}

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
  const { context, t, cx, rootProps, level } = useAppearance('ForgotPassword', appearance, [
    recoveryMessages,
    signInMessages,
  ]);
  const Heading = headingTag(level);
  const id = useId();
  const [error, setError] = useState<{ email?: string; form?: string }>({});
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const busy = useRef(false);
  const { container, focusFirstInvalid } = useFocusFirstInvalid<HTMLFormElement>();
  const heading = useRef<HTMLHeadingElement>(null);
  const sentNotice = useRef<HTMLParagraphElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the form first appears
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, []);
  useEffect(() => {
    if (sentTo) sentNotice.current?.focus();
  }, [sentTo]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy.current) return;
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    const invalid = !email ? t('issue.required') : EMAIL_PATTERN.test(email) ? '' : t('issue.invalid_email');
    if (invalid) {
      setError({ email: invalid });
      focusFirstInvalid();
      return;
    }
    setError({});
    busy.current = true;
    setPending(true);
    const result = await callAuth(() =>
      passwordResetClient(context.authClient).requestPasswordReset({
        email,
        redirectTo: redirectTo ?? resetLinkTarget(),
      }),
    );
    busy.current = false;
    setPending(false);
    if (result.ok) {
      setSentTo(email);
      onSent?.(email);
      return;
    }
    const { code, field } = result.failure;
    setError(field === 'email' ? { email: errorText(t, code) } : { form: errorText(t, code) });
    if (field === 'email') focusFirstInvalid();
    onError?.(code);
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
        <Heading id={`${id}-title`} ref={heading} tabIndex={-1} className={cx('title')}>
          {title ?? t('forgot.title')}
        </Heading>
        <p className={cx('description')}>{t('forgot.description')}</p>
        <TextField
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          label={t('forgot.email')}
          defaultValue={defaultEmail}
          error={error.email}
          cx={cx}
        />
        {error.form ? (
          <p role="alert" className={cx('alert')}>
            {error.form}
          </p>
        ) : null}
        {sentTo ? (
          <p ref={sentNotice} tabIndex={-1} className={cx('description')} data-pk-state="sent">
            {t('forgot.sent', { email: sentTo })}
          </p>
        ) : null}
        <div className={cx('actions')}>
          <button type="submit" className={cx(sentTo ? 'secondaryButton' : 'button')} disabled={pending}>
            {pending ? t('forgot.submitting') : sentTo ? t('forgot.sendAgain') : t('forgot.submit')}
          </button>
        </div>
        {onSwitchToSignIn ? (
          <p className={cx('description')}>
            <button type="button" className={cx('linkButton')} onClick={onSwitchToSignIn}>
              {t('forgot.toSignIn')}
            </button>
          </p>
        ) : null}
        <p role="status" style={srOnly}>
          {pending ? t('forgot.submitting') : ''}
        </p>
      </form>
    </div>
  );
}
