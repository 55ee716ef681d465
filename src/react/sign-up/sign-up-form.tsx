import { useState } from 'react';
import type { Profile } from '../../client/schema';
import { useAppearance } from '../context/use-appearance';
import { useSession } from '../context/use-session';
import { Loading } from '../elements/loading';
import { formText } from '../localization/en/form-messages';
import { LoadFailed } from '../profile/load-failed';
import { ProfileEditor } from '../profile/profile-editor';
import { useProfile } from '../profile/use-profile';
import type { SignUpFormProps } from '../types/sign-up-props';
import { SignUpFlow } from './sign-up-flow';

/**
 * Decides what a person sees: the sign-up for someone signed out, the questionnaire for someone signed in
 * without a background, and for someone who has one, nothing or the editor (never an empty questionnaire).
 * Once the person has submitted, the form stays until it is done, whatever the session does meanwhile.
 */
export function SignUpForm(props: SignUpFormProps) {
  const {
    whenProfileExists = 'hide',
    TitleTag,
    Close,
    corner: Corner,
    socialProviders: _socialProviders,
    ...rest
  } = props;
  const { t, cx, level } = useAppearance('SignUpWithBackground', rest, formText);
  const { user } = useSession();
  const { status } = useProfile();
  const [claimed, setClaimed] = useState(false);
  const inDialog = Close !== undefined;
  if (claimed || !user || status === 'missing') {
    return <SignUpFlow {...props} onClaim={() => setClaimed(true)} />;
  }
  const appearance = { ...rest, headingLevel: level };
  if (status === 'ready' && whenProfileExists === 'edit') {
    const editor = {
      ...appearance,
      // The sign-up's own heading is not the editor's.
      title: undefined,
      onSuccess: (profile: Profile) => rest.onSuccess?.({ user, profile }),
      onError: (code: string) => rest.onError?.({ code, step: 'review' }),
    };
    if (!inDialog) return <ProfileEditor {...editor} />;
    return (
      <>
        <ProfileEditor {...editor} TitleTag={TitleTag} bare />
        {Corner ? <Corner label={t('signUp.close')} className={cx('close')} /> : null}
      </>
    );
  }
  if (!inDialog) {
    if (status === 'ready') return null;
    return status === 'error' ? <LoadFailed {...appearance} /> : <Loading {...appearance} />;
  }
  const Title = TitleTag ?? 'h2';
  return (
    <>
      <div className={cx('header')}>
        <Title className={cx('title')}>
          {t(status === 'ready' ? 'signUp.existsTitle' : 'signUp.completeTitle')}
        </Title>
        {Corner ? <Corner label={t('signUp.close')} className={cx('close')} /> : null}
      </div>
      {status === 'ready' ? (
        <p className={cx('description')}>{t('signUp.profileExists')}</p>
      ) : status === 'error' ? (
        <LoadFailed {...appearance} />
      ) : (
        <Loading {...appearance} />
      )}
    </>
  );
}
