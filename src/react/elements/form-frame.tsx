import { type ElementType, type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { callAuth } from '../context/auth-call';
import { headingTag } from '../context/use-appearance';
import type { Cx, HeadingLevel } from '../types/appearance-props';
import type { AuthClientResult } from '../types/auth-client';
import { srOnly, useFocusFirstInvalid } from './field';

/**
 * The state every account form shares: one submission at a time, `pending` meanwhile, focus on the first
 * invalid field after a refused submit, and the heading focused when the form appears (`autoFocus`).
 */
export function useFormFrame<T extends HTMLElement = HTMLFormElement>(autoFocus?: boolean) {
  const id = useId();
  const [pending, setPending] = useState(false);
  const busy = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const { container, focusFirstInvalid } = useFocusFirstInvalid<T>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the form first appears
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, []);
  return {
    id,
    pending,
    busy,
    heading,
    container,
    focusFirstInvalid,
    /** Runs a better-auth call as the form's one submission; it never throws (see `callAuth`). */
    async send(call: () => Promise<AuthClientResult>) {
      busy.current = true;
      setPending(true);
      const result = await callAuth(call);
      busy.current = false;
      setPending(false);
      return result;
    },
  };
}

export type FormFrameState = ReturnType<typeof useFormFrame<HTMLFormElement>>;

/** A form's own error, announced when it appears. */
export function FormAlert({ message, cx }: { message: string | undefined; cx: Cx }) {
  return message ? (
    <p role="alert" className={cx('alert')}>
      {message}
    </p>
  ) : null;
}

/** A live region that says what the form is doing, for people who cannot see the button change. */
export function LiveStatus({ children }: { children: ReactNode }) {
  return (
    <p role="status" style={srOnly}>
      {children}
    </p>
  );
}

/**
 * The frame of the sign-in and the password-reset forms: the titled form, its fields, the form's error,
 * a notice, the submit button, the links to the other forms, and the live status.
 */
export function FormFrame(props: {
  frame: FormFrameState;
  cx: Cx;
  rootProps: Record<string, unknown>;
  level: HeadingLevel;
  title: ReactNode;
  description?: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The form's own error. */
  alert?: string | undefined;
  /** Shown between the error and the button (what was sent, say). */
  notice?: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  /** The button is secondary (sending again, say). */
  secondary?: boolean;
  /** Below the button: the way to the other forms. */
  footer?: ReactNode;
  /** The root's `data-pk-part`: `auth` for the sign-in and reset forms, which keep a narrower card. */
  part?: string;
  /** In a dialog, the dialog's own title part (which keeps the id the dialog is labelled by). */
  TitleTag?: ElementType | undefined;
  children: ReactNode;
}) {
  const { frame, cx, title, description, pendingLabel, TitleTag } = props;
  const Heading = TitleTag ?? headingTag(props.level);
  return (
    <div {...props.rootProps} data-pk-part={props.part}>
      <form
        ref={frame.container}
        className={cx('form')}
        noValidate
        onSubmit={props.onSubmit}
        aria-labelledby={TitleTag ? undefined : `${frame.id}-title`}
        aria-busy={frame.pending || undefined}
      >
        <Heading
          {...(TitleTag ? {} : { id: `${frame.id}-title` })}
          ref={frame.heading}
          tabIndex={-1}
          className={cx('title')}
        >
          {title}
        </Heading>
        {description ? <p className={cx('description')}>{description}</p> : null}
        {props.children}
        <FormAlert message={props.alert} cx={cx} />
        {props.notice}
        <div className={cx('actions')}>
          <button
            type="submit"
            className={cx(props.secondary ? 'secondaryButton' : 'button')}
            disabled={frame.pending}
          >
            {frame.pending ? pendingLabel : props.submitLabel}
          </button>
        </div>
        {props.footer ? <div data-pk-part="form-footer">{props.footer}</div> : null}
        <LiveStatus>{frame.pending ? pendingLabel : ''}</LiveStatus>
      </form>
    </div>
  );
}
