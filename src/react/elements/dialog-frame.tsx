import * as Dialog from '@radix-ui/react-dialog';
import type { DialogFrameProps } from '../types/dialog-props';

function CornerClose({ label, className }: { label: string; className: string | undefined }) {
  return (
    <Dialog.Close className={className} aria-label={label}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
        <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
      </svg>
    </Dialog.Close>
  );
}

/**
 * @internal The Radix dialog every profilekit dialog renders in, in a file of its own: its code loads when
 * a person reaches for a trigger, not with the page.
 */
export function DialogFrame(props: DialogFrameProps) {
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal container={props.container ?? undefined}>
        <Dialog.Overlay className={props.overlayClassName} />
        <Dialog.Content
          className={props.className}
          data-pk-theme={props.theme}
          {...props.lang}
          aria-describedby={undefined}
          onOpenAutoFocus={(event) => {
            // The first answer to give, rather than the corner's close button.
            const first = (event.currentTarget as HTMLElement).querySelector<HTMLElement>(
              'form input, form select',
            );
            if (first) {
              event.preventDefault();
              first.focus();
            }
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            props.returnFocus();
          }}
        >
          {props.children({ Title: Dialog.Title, Close: Dialog.Close, CornerClose })}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
