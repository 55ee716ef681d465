import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

export interface DialogParts {
  Title: typeof Dialog.Title;
  Close: typeof Dialog.Close;
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
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            props.returnFocus();
          }}
        >
          {props.children({ Title: Dialog.Title, Close: Dialog.Close })}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
