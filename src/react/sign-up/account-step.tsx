import type { UseFormReturn } from 'react-hook-form';
import { TextField } from '../elements/field';
import { SocialButtons } from '../lazy/parts';
import { MAX_PASSWORD_LENGTH } from '../questionnaire/form-model';
import type { AppearanceProps, Cx } from '../types/appearance-props';
import type { SocialProvider } from '../types/auth-client';
import type { SignUpValues } from '../types/form-values';
import type { Translate } from '../types/message-keys';

/** The sign-up's first step: "Continue with …" where providers are configured, then name, email, password. */
export function AccountStep({
  form,
  idPrefix: id,
  minPasswordLength,
  providers,
  appearance,
  t,
  cx,
}: {
  form: UseFormReturn<SignUpValues>;
  idPrefix: string;
  minPasswordLength: number;
  providers: readonly SocialProvider[];
  appearance: AppearanceProps;
  t: Translate;
  cx: Cx;
}) {
  const { errors } = form.formState;
  return (
    <>
      {providers.length > 0 ? (
        // Its code loads only where providers are configured.
        <SocialButtons {...appearance} nested providers={providers} />
      ) : null}
      <TextField
        id={`${id}-name`}
        autoComplete="name"
        label={t('account.name')}
        error={errors.name?.message}
        aria-required
        cx={cx}
        {...form.register('name')}
      />
      <TextField
        id={`${id}-email`}
        type="email"
        autoComplete="email"
        label={t('account.email')}
        error={errors.email?.message}
        aria-required
        cx={cx}
        {...form.register('email')}
      />
      <TextField
        id={`${id}-password`}
        type="password"
        autoComplete="new-password"
        label={t('account.password')}
        description={t('account.passwordHint', { min: minPasswordLength })}
        error={errors.password?.message}
        maxLength={MAX_PASSWORD_LENGTH}
        aria-required
        cx={cx}
        {...form.register('password')}
      />
    </>
  );
}
