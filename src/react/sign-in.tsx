import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { callAuth, EMAIL_PATTERN, failureText } from './auth-errors';
import { type AppearanceProps, headingTag, type SocialProvider, useAppearance } from './context';
import { srOnly, TextField, useFocusFirstInvalid } from './field';
import { SocialButtons } from './on-demand';
import { signInMessages } from './sign-in-messages';

export interface SignInProps extends AppearanceProps {
  /** Called once the person is signed in. The session updates by itself. */
  onSuccess?: () => void;
  /** Called with the error code when signing in fails. */
  onError?: (code: string) => void;
  /** Shows a "Create an account" button that calls this. */
  onSwitchToSignUp?: () => void;
  /** Shows a "Forgot your password?" button that calls this (or use `forgotPasswordHref`). */
  onForgotPassword?: () => void;
  /** Shows a "Forgot your password?" link to the page with your `ForgotPassword`. */
  forgotPasswordHref?: string;
  /** Replaces the heading. */
  title?: ReactNode;
  /** Moves focus to the heading when the form appears (as when a person switches to it). */
  autoFocus?: boolean;
  /** "Continue with …" buttons above the form; defaults to the provider's `socialProviders`. */
  socialProviders?: readonly SocialProvider[];
}

type Errors = { email?: string; password?: string; form?: string };

/** Email and password sign-in through your better-auth client. The default fallback of `AuthGate`. */
export function SignIn({
  onSuccess,
  onError,
  onSwitchToSignUp,
  onForgotPassword,
  forgotPasswordHref,
  title,
  autoFocus,
  socialProviders,
  ...appearance
}: SignInProps) {
  const { context, t, cx, rootProps, level } = useAppearance('SignIn', appearance, [signInMessages]);
  const providers = socialProviders ?? context.socialProviders ?? [];
  const id = useId();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const busy = useRef(false);
  const { container, focusFirstInvalid } = useFocusFirstInvalid<HTMLFormElement>();
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the form first appears
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy.current) return;
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const next: Errors = {};
    if (!email) next.email = t('issue.required');
    else if (!EMAIL_PATTERN.test(email)) next.email = t('issue.invalid_email');
    if (!password) next.password = t('issue.required');
    setErrors(next);
    if (next.email || next.password) {
      focusFirstInvalid();
      return;
    }
    busy.current = true;
    setPending(true);
    const result = await callAuth(() => context.authClient.signIn.email({ email, password }));
    busy.current = false;
    setPending(false);
    if (result.ok) {
      onSuccess?.();
      return;
    }
    setErrors({ form: failureText(t, result.failure) });
    onError?.(result.failure.code);
  }

  const Heading = headingTag(level);
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
          {title ?? t('signIn.title')}
        </Heading>
        {providers.length > 0 ? (
          // Its code loads only where providers are configured.
          <SocialButtons {...appearance} nested providers={providers} />
        ) : null}
        <TextField
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          label={t('signIn.email')}
          error={errors.email}
          cx={cx}
        />
        <TextField
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          label={t('signIn.password')}
          error={errors.password}
          cx={cx}
        />
        {onForgotPassword ? (
          <p className={cx('description')}>
            <button type="button" className={cx('linkButton')} onClick={onForgotPassword}>
              {t('signIn.forgot')}
            </button>
          </p>
        ) : forgotPasswordHref ? (
          <p className={cx('description')}>
            <a className={cx('linkButton')} href={forgotPasswordHref}>
              {t('signIn.forgot')}
            </a>
          </p>
        ) : null}
        {errors.form ? (
          <p role="alert" className={cx('alert')}>
            {errors.form}
          </p>
        ) : null}
        <div className={cx('actions')}>
          <button type="submit" className={cx('button')} disabled={pending}>
            {pending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </div>
        {onSwitchToSignUp ? (
          <p className={cx('description')}>
            {t('signIn.noAccount')}{' '}
            <button type="button" className={cx('linkButton')} onClick={onSwitchToSignUp}>
              {t('signIn.toSignUp')}
            </button>
          </p>
        ) : null}
        <p role="status" style={srOnly}>
          {pending ? t('signIn.submitting') : ''}
        </p>
      </form>
    </div>
  );
}
