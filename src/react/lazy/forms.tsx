// The forms, which load parts (see parts.tsx for the rule of these files).
import type { DialogFrameProps } from '../types/dialog-props';
import type { AccountSettingsProps } from '../types/settings-props';
import type { SignInProps } from '../types/sign-in-props';
import type { SignUpWithBackgroundProps } from '../types/sign-up-props';
import { onDemand } from './on-demand';
import { preloadDialog } from './parts';
import { SignUpForm } from './sign-up-dialog';

/** Email and password sign-in through your better-auth client. The default fallback of `AuthGate`. */
export const SignIn = /* @__PURE__ */ onDemand<SignInProps>('SignIn', () =>
  import('../sign-in/sign-in').then((m) => m.SignIn),
);

/**
 * Email and password sign-up followed by the software and hardware background questionnaire:
 * Account → Software background → Hardware background → Review. A person who is already signed in only
 * answers the questionnaire. `mode="dialog"` opens it in a modal dialog from a trigger.
 */
export function SignUpWithBackground(props: SignUpWithBackgroundProps) {
  if (props.mode === 'dialog') return <SignUpDialog {...props} />;
  const { mode: _mode, trigger: _trigger, open: _open, defaultOpen: _d, onOpenChange: _o, ...form } = props;
  // Inline, the form loads at once, showing that it is loading meanwhile.
  return <SignUpForm {...form} />;
}

/** The dialog's trigger appears with its code; the form comes when the dialog is first reached for. */
const SignUpDialog = /* @__PURE__ */ onDemand<SignUpWithBackgroundProps>(
  'SignUpWithBackground',
  () => import('../sign-up/sign-up-with-background').then((m) => m.SignUpWithBackground),
  () => null,
);

/**
 * Everything a signed-in person manages, as sections that each load on demand (and are exported alone:
 * `ProfileSection`, `EmailSection`…).
 */
export const AccountSettings = /* @__PURE__ */ onDemand<AccountSettingsProps>('AccountSettings', () =>
  import('../account/account-settings').then((m) => m.AccountSettings),
);

/**
 * @internal The sign-in in a dialog of its own (the user menu's, for a returning person), titled by the
 * dialog's title. The dialog appears once the form is there too, so focus lands on the email field.
 */
export const SignInDialog = /* @__PURE__ */ onDemand<{
  frame: Omit<DialogFrameProps, 'children'>;
  form: SignInProps;
  closeLabel: string;
  closeClassName: string | undefined;
}>(
  'SignInDialog',
  async () => {
    const [{ DialogFrame }, { SignIn: Form }] = await Promise.all([
      preloadDialog(),
      import('../sign-in/sign-in'),
    ]);
    return ({ frame, form, closeLabel, closeClassName }) => (
      <DialogFrame {...frame}>
        {({ Title, CornerClose }) => (
          <>
            <CornerClose label={closeLabel} className={closeClassName} />
            <div data-pk-part="dialog-body">
              <Form {...form} TitleTag={Title} />
            </div>
          </>
        )}
      </DialogFrame>
    );
  },
  () => null,
);
