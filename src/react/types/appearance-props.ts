import type { Localization } from './message-keys';

/** Named parts of the components that take a class through `classNames`. */
export type ClassNameSlot =
  | 'root'
  | 'title'
  | 'form'
  | 'progress'
  | 'step'
  | 'field'
  | 'fieldset'
  | 'label'
  | 'description'
  | 'input'
  | 'select'
  | 'checkbox'
  | 'row'
  | 'error'
  | 'alert'
  | 'actions'
  | 'button'
  | 'secondaryButton'
  | 'linkButton'
  | 'review'
  | 'overlay'
  | 'dialog'
  | 'trigger'
  | 'status'
  | 'header'
  | 'footer'
  | 'close'
  | 'options'
  | 'chips'
  | 'chip'
  | 'menu'
  | 'menuItem'
  | 'social';

/** A heading level, as in `h1`…`h6`. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** How the components look: shared by the provider and every component's own props. */
export interface AppearanceProps {
  /** `auto` follows the system setting. Default `auto`. */
  theme?: 'auto' | 'light' | 'dark';
  /**
   * `plain`: no padding and no background, so the widget lines up with your content. `card`: a padded
   * surface with a border that reads right on light and dark pages. Default `plain`, but `card` for the
   * forms that stand on their own (`SignIn`, `ForgotPassword`, `ResetPassword`, the inline
   * `SignUpWithBackground`), centred in the space they are given.
   */
  appearance?: 'plain' | 'card';
  /** Leaves out every `pk-` class, so only your `classNames` apply. */
  unstyled?: boolean;
  /** Extra classes per part. */
  classNames?: Partial<Record<ClassNameSlot, string>>;
  /** Text to use instead of the defaults. */
  localization?: Localization;
  /**
   * The level of a component's title (`h2` by default); its sections use the next level. Set it to fit the
   * host's outline: inside a section headed by an `h2`, use 3.
   */
  headingLevel?: HeadingLevel;
}

/** Joins a part's classes: `pk-<slot>` unless unstyled, the provider's and the component's own. */
export type Cx = (slot: ClassNameSlot, ...extra: (string | false | undefined)[]) => string | undefined;
