import { type FormEvent, useState } from 'react';
import { PROFILE_LIMITS } from '../../client/constants';
import { textProblem } from '../../client/text';
import { useSession } from '../context/use-session';
import { TextField } from '../elements/field';
import { FormAlert, LiveStatus, useFormFrame } from '../elements/form-frame';
import { errorText } from '../localization/translate';
import type { ProfileSectionProps } from '../types/settings-props';
import { failureMessage, SectionFrame, SuccessNote, useSection } from './settings-section';

type Errors = { name?: string; image?: string; form?: string };

/** An image address the page may show: https (or http on localhost, for development). */
export function imageUrlProblem(value: string): boolean {
  if (value === '') return false;
  try {
    const url = new URL(value);
    return !(url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === 'localhost'));
  } catch {
    return true;
  }
}

/**
 * The person's name and picture (an image URL, or a file the host's `uploadImage` turns into one; their
 * initials otherwise), checked by the rules of the sign-up and saved through better-auth's `update-user`.
 */
export function ProfileSection(props: ProfileSectionProps) {
  const { t, cx, rootProps, level, client } = useSection('ProfileSection', props);
  const { user } = useSession();
  const frame = useFormFrame();
  const [errors, setErrors] = useState<Errors>({});
  const [image, setImage] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  if (!user) return null;
  const shownImage = image ?? user.image ?? '';

  async function upload(file: File) {
    if (!props.uploadImage) return;
    setUploading(true);
    try {
      setImage(await props.uploadImage(file));
      setErrors({});
    } catch {
      setErrors({ image: errorText(t, 'UPLOAD_FAILED') });
    } finally {
      setUploading(false);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (frame.busy.current) return;
    const data = new FormData(event.currentTarget);
    const name = String(data.get('name') ?? '').trim();
    const picture = String(data.get('image') ?? shownImage).trim();
    const next: Errors = {};
    const max = PROFILE_LIMITS.personNameLength;
    if (name === '') next.name = t('issue.required');
    else if (name.length > max) next.name = t('issue.too_long', { max });
    else if (textProblem(name)) next.name = t('issue.invalid_characters');
    if (imageUrlProblem(picture)) next.image = t('profile.invalidImage');
    setErrors(next);
    setSaved(null);
    if (next.name || next.image) {
      frame.focusFirstInvalid();
      return;
    }
    const update = client.updateUser;
    if (!update) {
      setErrors({ form: errorText(t, 'NOT_FOUND') });
      return;
    }
    const result = await frame.send(() => update({ name, image: picture || null }));
    if (result.ok) {
      setSaved(t('profile.saved'));
      props.onSuccess?.({ section: 'profile', action: 'saved' });
      return;
    }
    const { failure } = result;
    if (failure.field === 'name') setErrors({ name: errorText(t, failure.code) });
    else setErrors({ form: failureMessage(t, failure) });
    if (failure.field === 'name') frame.focusFirstInvalid();
    props.onError?.(failure.code);
  }

  return (
    <SectionFrame
      id={frame.id}
      cx={cx}
      rootProps={rootProps}
      level={level}
      name="profile"
      title={props.title ?? t('profile.title')}
      description={t('profile.description')}
    >
      <form
        ref={frame.container}
        className={cx('form')}
        noValidate
        onSubmit={submit}
        aria-label={t('profile.title')}
        aria-busy={frame.pending || undefined}
      >
        <TextField
          id={`${frame.id}-name`}
          name="name"
          autoComplete="name"
          defaultValue={user.name}
          label={t('profile.name')}
          error={errors.name}
          cx={cx}
        />
        {props.uploadImage ? (
          <div className={cx('field')}>
            <label htmlFor={`${frame.id}-upload`} className={cx('label')}>
              {t('profile.upload')}
            </label>
            <input
              id={`${frame.id}-upload`}
              type="file"
              accept="image/*"
              className={cx('input')}
              disabled={uploading}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) void upload(file);
              }}
            />
            <input type="hidden" name="image" value={shownImage} />
            {errors.image ? <p className={cx('error')}>{errors.image}</p> : null}
            <LiveStatus>{uploading ? t('profile.uploading') : ''}</LiveStatus>
          </div>
        ) : (
          <TextField
            id={`${frame.id}-image`}
            name="image"
            type="url"
            inputMode="url"
            defaultValue={shownImage}
            label={t('profile.image')}
            description={t('profile.imageHint')}
            error={errors.image}
            cx={cx}
          />
        )}
        <FormAlert message={errors.form} cx={cx} />
        <div className={cx('actions')}>
          <button type="submit" className={cx('button')} disabled={frame.pending || uploading}>
            {frame.pending ? t('profile.saving') : t('profile.save')}
          </button>
        </div>
        <SuccessNote message={saved} cx={cx} />
        <LiveStatus>{frame.pending ? t('profile.saving') : ''}</LiveStatus>
      </form>
    </SectionFrame>
  );
}
