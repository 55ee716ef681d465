import { type FormEvent, useEffect, useRef, useState } from 'react';
import { PERSONAL_DATA_FILE } from '../../client/personal-data';
import { headingTag, useAppearance } from '../context/use-appearance';
import { useSession } from '../context/use-session';
import { TextField } from '../elements/field';
import { FormAlert, LiveStatus, useFormFrame } from '../elements/form-frame';
import { accountMessages } from '../localization/en/account-messages';
import { formText } from '../localization/en/form-messages';
import { errorText } from '../localization/translate';
import type { DeleteAccountProps } from '../types/account-props';
import type { InDialog } from '../types/profile-props';
import { accountClient } from './account-client';
import { useDownloadData } from './download-data';

type Errors = { email?: string; password?: string; form?: string };

/**
 * Deletes the signed-in person's account through better-auth's `delete-user`, after they type their email
 * address and, when the account has one, their password (without a password better-auth asks for a recent
 * sign-in). The database's cascade removes the profile, the sessions and the sign-in methods with it.
 */
export function DeleteAccount({
  onDeleted,
  onError,
  title,
  defaultOpen = false,
  showDownload = true,
  TitleTag,
  ...appearance
}: DeleteAccountProps & InDialog) {
  const { context, t, cx, rootProps, level } = useAppearance('DeleteAccount', appearance, [
    accountMessages,
    ...formText,
  ]);
  const Heading = TitleTag ?? headingTag(level);
  const client = accountClient(context.authClient);
  const { user } = useSession();
  const [open, setOpen] = useState(defaultOpen);
  const [errors, setErrors] = useState<Errors>({});
  const [deleted, setDeleted] = useState(false);
  // null until known: then the password field shows, optional.
  const [hasPassword, setHasPassword] = useState<boolean | null>(null);
  const start = useRef<HTMLButtonElement>(null);
  // The heading takes focus when the form opens (below), not when the component appears.
  const frame = useFormFrame();
  const { id, pending, heading, container, focusFirstInvalid } = frame;
  const exported = useDownloadData(context);

  useEffect(() => {
    if (!open || !client.listAccounts) return;
    let live = true;
    client.listAccounts().then(
      (result) => {
        if (live && result.data) setHasPassword(result.data.some((a) => a.providerId === 'credential'));
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [open, client]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (frame.busy.current || !user) return;
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const next: Errors = {};
    if (!email) next.email = t('issue.required');
    else if (email.toLowerCase() !== user.email.toLowerCase()) next.email = t('delete.emailMismatch');
    if (hasPassword && !password) next.password = t('issue.required');
    setErrors(next);
    if (next.email || next.password) {
      focusFirstInvalid();
      return;
    }
    if (!client.deleteUser) {
      setErrors({ form: errorText(t, 'NOT_FOUND') });
      return;
    }
    const result = await frame.send(() =>
      (client.deleteUser as NonNullable<typeof client.deleteUser>)(password ? { password } : {}),
    );
    if (result.ok) {
      setDeleted(true);
      onDeleted?.();
      return;
    }
    const { code } = result.failure;
    if (code === 'INVALID_PASSWORD') setErrors({ password: t('delete.wrongPassword') });
    else setErrors({ form: errorText(t, code) });
    if (code === 'INVALID_PASSWORD') focusFirstInvalid();
    onError?.(code);
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows opening and closing only
  useEffect(() => {
    if (open && !defaultOpen) heading.current?.focus();
  }, [open]);

  if (deleted) {
    return (
      <div {...rootProps}>
        <p role="status" className={cx('description')}>
          {t('delete.done')}
        </p>
      </div>
    );
  }
  if (!user) return null;

  return (
    <div {...rootProps}>
      <section className={cx('form')} aria-labelledby={TitleTag ? undefined : `${id}-title`}>
        {/* In a dialog the title keeps the id the dialog is labelled by. */}
        <Heading
          {...(TitleTag ? {} : { id: `${id}-title` })}
          ref={heading}
          tabIndex={-1}
          className={cx('title')}
        >
          {title ?? t('delete.title')}
        </Heading>
        <p className={cx('description')}>{t('delete.description')}</p>
        {showDownload ? (
          <div className={cx('actions')}>
            <button
              type="button"
              className={cx('secondaryButton')}
              aria-disabled={exported.busy || undefined}
              onClick={() => {
                if (!exported.busy) void exported.download();
              }}
            >
              {exported.busy ? t('download.busy') : t('download.button')}
            </button>
          </div>
        ) : null}
        <FormAlert message={exported.error ? errorText(t, exported.error) : undefined} cx={cx} />
        <LiveStatus>{exported.done ? t('download.done', { file: PERSONAL_DATA_FILE }) : ''}</LiveStatus>
        {open ? (
          <form
            ref={container}
            className={cx('form')}
            noValidate
            onSubmit={submit}
            aria-label={t('delete.title')}
            aria-busy={pending || undefined}
          >
            <TextField
              id={`${id}-email`}
              name="email"
              type="email"
              autoComplete="off"
              spellCheck={false}
              label={t('delete.confirmEmail', { email: user.email })}
              error={errors.email}
              cx={cx}
            />
            {hasPassword === false ? (
              <p className={cx('description')}>{t('delete.passwordHint')}</p>
            ) : (
              <TextField
                id={`${id}-password`}
                name="password"
                type="password"
                autoComplete="current-password"
                label={t(hasPassword ? 'delete.password' : 'delete.passwordOptional')}
                error={errors.password}
                cx={cx}
              />
            )}
            <FormAlert message={errors.form} cx={cx} />
            <div className={cx('actions')}>
              <button type="submit" className={cx('button')} data-pk-tone="danger" disabled={pending}>
                {pending ? t('delete.submitting') : t('delete.submit')}
              </button>
              {defaultOpen ? null : (
                <button
                  type="button"
                  className={cx('secondaryButton')}
                  disabled={pending}
                  onClick={() => {
                    setOpen(false);
                    setErrors({});
                    // The button that opened the form comes back; focus returns to it.
                    requestAnimationFrame(() => start.current?.focus());
                  }}
                >
                  {t('delete.cancel')}
                </button>
              )}
            </div>
            <LiveStatus>{pending ? t('delete.submitting') : ''}</LiveStatus>
          </form>
        ) : (
          <div className={cx('actions')}>
            <button
              ref={start}
              type="button"
              className={cx('secondaryButton')}
              data-pk-tone="danger"
              onClick={() => setOpen(true)}
            >
              {t('delete.start')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
