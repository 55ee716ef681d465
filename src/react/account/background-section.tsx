import { ProfileEditor } from '../profile/profile-editor';
import type { SettingsSectionProps } from '../types/settings-props';
import { useSection } from './settings-section';

/** The software and hardware background: the `ProfileEditor`, as a section of the settings. */
export function BackgroundSection({ onSuccess, onError, title, ...appearance }: SettingsSectionProps) {
  const { t } = useSection('BackgroundSection', appearance);
  return (
    <ProfileEditor
      {...appearance}
      title={title ?? t('background.title')}
      onSuccess={() => onSuccess?.({ section: 'background', action: 'saved' })}
      {...(onError ? { onError } : {})}
    />
  );
}
