import { useAppearance } from '../context/use-appearance';
import { formText } from '../localization/en/form-messages';
import { errorText } from '../localization/translate';
import type { AppearanceProps } from '../types/appearance-props';
import { useProfile } from './use-profile';

/** @internal Says the profile could not be read, with a way to try again. */
export function LoadFailed(appearance: AppearanceProps) {
  const { error, reload } = useProfile();
  const { t, cx, rootProps } = useAppearance('profilekit', appearance, formText);
  return (
    <div {...rootProps}>
      <p role="alert" className={cx('alert')}>
        {t('editor.loadFailed', { reason: error ? errorText(t, error.code) : '' }).trim()}
      </p>
      <button type="button" className={cx('button')} onClick={() => void reload()}>
        {t('editor.retry')}
      </button>
    </div>
  );
}
