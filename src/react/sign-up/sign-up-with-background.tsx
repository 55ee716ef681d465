import { cloneElement, isValidElement, useRef, useState } from 'react';
import { useAppearance } from '../context/use-appearance';
import { useSession } from '../context/use-session';
import { useResolvedNode } from '../elements/resolved-node';
import { preloadSignUpDialog, SignUpInDialog } from '../lazy/sign-up-dialog';
import { formText } from '../localization/en/form-messages';
import { useProfile } from '../profile/use-profile';
import type { SignUpWithBackgroundProps } from '../types/sign-up-props';

/**
 * Email and password sign-up followed by the software and hardware background questionnaire:
 * Account → Software background → Hardware background → Review. A person who is already signed in only
 * answers the questionnaire. In `dialog` mode it opens in a modal dialog (focus trapped, and returned to
 * the trigger on close); the dialog's code loads when the person reaches for the trigger.
 */
export function SignUpWithBackground(props: SignUpWithBackgroundProps) {
  // Only the dialog: the inline sign-up is the form alone (lazy/forms.tsx picks).
  const { mode: _mode, open, defaultOpen = false, onOpenChange, ...rest } = props;
  const trigger = useResolvedNode(props.trigger);
  const { context, t, cx, rootProps, lang } = useAppearance('SignUpWithBackground', rest, formText);
  const [ownOpen, setOwnOpen] = useState(defaultOpen);
  const [wanted, setWanted] = useState(defaultOpen || open === true);
  const triggerRef = useRef<HTMLElement>(null);
  const { user } = useSession();
  const { status } = useProfile();
  const isOpen = open ?? ownOpen;
  const edit = rest.whenProfileExists === 'edit';
  const hasProfile = user !== null && status === 'ready';
  // An open dialog stays until it is closed: it may be showing the success of the save that made the profile.
  if (hasProfile && !edit && !isOpen) return null;
  const setOpen = (next: boolean) => {
    if (open === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  };
  const preload = () => void preloadSignUpDialog();
  const triggerElement = isValidElement(trigger) ? (
    trigger
  ) : (
    // Outside any pk-root, the default trigger carries the design tokens (and theme) itself.
    <button
      type="button"
      className={cx('button', cx('trigger'))}
      data-pk-theme={rootProps['data-pk-theme']}
      {...lang}
    >
      {t(hasProfile && edit ? 'signUp.editTrigger' : 'signUp.trigger')}
    </button>
  );
  const own = triggerElement.props;
  return (
    <>
      {cloneElement(triggerElement, {
        ref: triggerRef,
        'aria-haspopup': 'dialog',
        'aria-expanded': isOpen,
        onPointerEnter: (event: PointerEvent) => {
          own.onPointerEnter?.(event);
          preload();
        },
        onFocus: (event: FocusEvent) => {
          own.onFocus?.(event);
          preload();
        },
        onClick: (event: MouseEvent) => {
          own.onClick?.(event);
          if (event.defaultPrevented) return;
          setWanted(true);
          setOpen(true);
        },
      })}
      {wanted || isOpen ? (
        <SignUpInDialog
          frame={{
            open: isOpen,
            onOpenChange: setOpen,
            returnFocus: () => triggerRef.current?.focus(),
            className: cx('root', cx('dialog')),
            overlayClassName: cx('overlay'),
            theme: rootProps['data-pk-theme'],
            lang,
            container: context.portalContainer,
          }}
          form={rest}
        />
      ) : null}
    </>
  );
}
