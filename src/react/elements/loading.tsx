import { useAppearance } from '../context/use-appearance';
import type { AppearanceProps } from '../types/appearance-props';

/** What the components show while their code or their data loads. */
export function Loading(appearance: AppearanceProps) {
  const { t, cx, rootProps } = useAppearance('profilekit', appearance);
  return (
    <div {...rootProps} aria-busy="true">
      <p role="status" className={cx('description')}>
        {t('loading')}
      </p>
    </div>
  );
}
