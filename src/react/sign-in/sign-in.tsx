import { type FormEvent, useEffect, useState } from 'react';
import { EMAIL_PATTERN, failureText } from '../context/auth-call';
import { PAGE_MARKER } from '../context/page-marker';
import { useAppearance } from '../context/use-appearance';
import { cardByDefault } from '../elements/card-by-default';
import { TextField } from '../elements/field';
import { FormFrame, useFormFrame } from '../elements/form-frame';
import { SocialButtons } from '../lazy/parts';
import { signInMessages } from '../localization/en/sign-in-messages';
import type { InDialog } from '../types/profile-props';
import type { SignInProps } from '../types/sign-in-props';

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
  TitleTag,
  ...appearance
}: SignInProps & Pick<InDialog, 'TitleTag'>) {
  const { context, t, cx, rootProps: own, level } = useAppearance('SignIn', appearance, [signInMessages]);
  const rootProps = cardByDefault(own, appearance, context);
  const providers = socialProviders ?? context.socialProviders ?? [];
  const frame = useFormFrame(autoFocus);
  const { id } = frame;
  const [errors, setErrors] = useState<Errors>({});
  // Back from a verification link that verified the address but signed nobody in: another browser than the
  // one that asked for it (the server signs in only that one).
  const [verified, setVerified] = useState(false);
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    setVerified(params.get(PAGE_MARKER) === 'verify-email' && !params.has('error'));
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (frame.busy.current) return;
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const next: Errors = {};
    if (!email) next.email = t('issue.required');
    else if (!EMAIL_PATTERN.test(email)) next.email = t('issue.invalid_email');
    if (!password) next.password = t('issue.required');
    setErrors(next);
    if (next.email || next.password) {
      frame.focusFirstInvalid();
      return;
    }
    const result = await frame.send(() => context.authClient.signIn.email({ email, password }));
    if (result.ok) {
      onSuccess?.();
      return;
    }
    setErrors({ form: failureText(t, result.failure) });
    onError?.(result.failure.code);
  }

  return (
    <FormFrame
      frame={frame}
      cx={cx}
      rootProps={rootProps}
      level={level}
      part="auth"
      title={title ?? t('signIn.title')}
      description={title === undefined ? t('signIn.description') : undefined}
      TitleTag={TitleTag}
      onSubmit={submit}
      alert={errors.form}
      submitLabel={t('signIn.submit')}
      pendingLabel={t('signIn.submitting')}
      footer={
        onSwitchToSignUp ? (
          <p className={cx('description')}>
            {t('signIn.noAccount')}{' '}
            <button type="button" className={cx('linkButton')} onClick={onSwitchToSignUp}>
              {t('signIn.toSignUp')}
            </button>
          </p>
        ) : null
      }
    >
      {verified ? (
        <p role="status" className={cx('status')}>
          {t('signIn.verified')}
        </p>
      ) : null}
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
    </FormFrame>
  );
}
