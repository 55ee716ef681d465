import { useId } from 'react';
import type { DangerZoneSectionProps } from '../types/settings-props';
import { DeleteAccount } from './delete-account';
import { SectionFrame, useSection } from './settings-section';

/**
 * Deleting the account (with "Download my data" first), as a section of the settings: `DeleteAccount`
 * under the section's heading, one level below it.
 */
export function DangerZoneSection({ onDeleted, ...props }: DangerZoneSectionProps) {
  const { t, cx, rootProps, level } = useSection('DangerZoneSection', props);
  const id = useId();
  const { title: _title, onSuccess, onError, ...appearance } = props;
  return (
    <SectionFrame
      id={id}
      cx={cx}
      rootProps={rootProps}
      level={level}
      name="danger"
      title={props.title ?? t('danger.title')}
    >
      <DeleteAccount
        {...appearance}
        headingLevel={Math.min(6, level + 1) as typeof level}
        onDeleted={() => {
          onSuccess?.({ section: 'danger', action: 'deleted' });
          onDeleted?.();
        }}
        {...(onError ? { onError } : {})}
      />
    </SectionFrame>
  );
}
