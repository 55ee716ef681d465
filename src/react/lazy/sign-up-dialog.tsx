// The sign-up's two halves, apart: the dialog's trigger loads with the page, the form (react-hook-form,
// zod, the questionnaire) when it is shown inline, or when the dialog is first reached for.
import type { ComponentType } from 'react';
import type { DialogFrameProps } from '../types/dialog-props';
import type { SignUpFormProps } from '../types/sign-up-props';
import { onDemand } from './on-demand';
import { preloadDialog } from './parts';

export const preloadSignUpForm = () => import('../sign-up/sign-up-form');

/** Starts loading the dialog and the form, before the person asks for them. */
export const preloadSignUpDialog = () => Promise.all([preloadDialog(), preloadSignUpForm()]);

/** @internal The sign-up shown inline (in a page, a gate, the profile gate). */
export const SignUpForm = /* @__PURE__ */ onDemand<SignUpFormProps>('SignUpForm', () =>
  preloadSignUpForm().then((m) => m.SignUpForm),
);

export interface SignUpInDialogProps {
  frame: Omit<DialogFrameProps, 'children'>;
  form: SignUpFormProps;
}

/**
 * @internal The sign-up's dialog with its form: both load on first open (or when the trigger is pointed at
 * or focused), and the dialog appears once both are there, so focus lands on the first answer.
 */
export const SignUpInDialog = /* @__PURE__ */ onDemand<SignUpInDialogProps>(
  'SignUpInDialog',
  async () => {
    const [{ DialogFrame }, { SignUpForm: Form }] = await preloadSignUpDialog();
    const InDialog: ComponentType<SignUpInDialogProps> = ({ frame, form }) => (
      <DialogFrame {...frame}>
        {(parts) => <Form {...form} TitleTag={parts.Title} Close={parts.Close} corner={parts.CornerClose} />}
      </DialogFrame>
    );
    return InDialog;
  },
  () => null,
);
