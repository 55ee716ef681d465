import type * as Dialog from '@radix-ui/react-dialog';
import type { ComponentType, ReactNode } from 'react';

/** The parts a dialog's content renders with. */
export interface DialogParts {
  Title: typeof Dialog.Title;
  Close: typeof Dialog.Close;
  /** The close button in the dialog's corner: an icon with an accessible name. */
  CornerClose: ComponentType<{ label: string; className: string | undefined }>;
}

/** @internal The modal dialog every profilekit dialog renders in. */
export interface DialogFrameProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes back to when the dialog closes. */
  returnFocus: () => void;
  className: string | undefined;
  overlayClassName: string | undefined;
  theme: 'light' | 'dark' | undefined;
  /** The locale's `lang` and `dir`: a portalled dialog does not inherit the component's. */
  lang?: { lang: string | undefined; dir: 'ltr' | 'rtl' | undefined };
  container: HTMLElement | null | undefined;
  children: (parts: DialogParts) => ReactNode;
}
