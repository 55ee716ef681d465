import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

export interface DialogParts {
  Title: typeof Dialog.Title;
  Close: typeof Dialog.Close;
  /** The close button in the dialog's corner: an icon with an accessible name. */
  CornerClose: typeof CornerClose;
}

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
 * @internal The Radix dialog around the sign-up, in a file of its own: its code loads when a person
 * reaches for the trigger, not with the page.
 */
export function SignUpDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes back to when the dialog closes. */
  returnFocus: () => void;
  className: string | undefined;
  overlayClassName: string | undefined;
  theme: 'light' | 'dark' | undefined;
  container: HTMLElement | null | undefined;
  children: (parts: DialogParts) => ReactNode;
}) {
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal container={props.container ?? undefined}>
        <Dialog.Overlay className={props.overlayClassName} />
        <Dialog.Content
          className={props.className}
          data-pk-theme={props.theme}
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
