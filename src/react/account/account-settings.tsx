import { useId } from 'react';
import { headingTag } from '../context/use-appearance';
import { useSession } from '../context/use-session';
import {
  BackgroundSection,
  DangerZoneSection,
  EmailSection,
  PasswordSection,
  ProfileSection,
  SessionsSection,
  SignInMethodsSection,
} from '../lazy/parts';
import type { AccountSection, AccountSettingsProps } from '../types/settings-props';
import { useSection } from './settings-section';

const ALL: readonly AccountSection[] = [
  'profile',
  'background',
  'email',
  'password',
  'sessions',
  'methods',
  'danger',
];

/**
 * Everything a signed-in person manages: profile, background, email, password, devices, sign-in methods and
 * the danger zone, each a section that loads on demand and is exported alone too (`EmailSection`…).
 * Nobody signed in: nothing.
 */
export function AccountSettings({
  sections = ALL,
  title,
  uploadImage,
  providers,
  onDeleted,
  callbackURL,
  onSuccess,
  onError,
  ...appearance
}: AccountSettingsProps) {
  const { t, cx, rootProps, level } = useSection('AccountSettings', appearance);
  const { user } = useSession();
  const id = useId();
  if (!user) return null;
  const Heading = headingTag(level);
  const hasTitle = title !== null;
  // The sections sit one level below the page's title, and each is plain inside the page's own surface.
  const inner = {
    ...appearance,
    appearance: 'plain' as const,
    headingLevel: Math.min(6, level + (hasTitle ? 1 : 0)) as typeof level,
    ...(onSuccess ? { onSuccess } : {}),
    ...(onError ? { onError } : {}),
  };
  const links = callbackURL ? { callbackURL } : {};
  const render = (section: AccountSection) => {
    switch (section) {
      case 'profile':
        return <ProfileSection {...inner} {...(uploadImage ? { uploadImage } : {})} />;
      case 'background':
        return <BackgroundSection {...inner} />;
      case 'email':
        return <EmailSection {...inner} {...links} />;
      case 'password':
        return <PasswordSection {...inner} {...(callbackURL ? { redirectTo: callbackURL } : {})} />;
      case 'sessions':
        return <SessionsSection {...inner} />;
      case 'methods':
        return <SignInMethodsSection {...inner} {...links} {...(providers ? { providers } : {})} />;
      case 'danger':
        return <DangerZoneSection {...inner} {...(onDeleted ? { onDeleted } : {})} />;
    }
  };
  return (
    <div {...rootProps} data-pk-part="settings">
      {hasTitle ? (
        <Heading id={`${id}-title`} tabIndex={-1} className={cx('title')}>
          {title ?? t('settings.title')}
        </Heading>
      ) : null}
      {sections.map((section) => (
        <div key={section} data-pk-part="settings-section">
          {render(section)}
        </div>
      ))}
    </div>
  );
}
