import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useEffect, useRef } from 'react';
import type { Cx } from '../types/appearance-props';

/** The ARIA wiring of one control: its error and help text, by id. */
export function describedBy(id: string, error: string | undefined, description: ReactNode) {
  const ids = [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids || undefined,
  } as const;
}

export function FieldError({ id, error, cx }: { id: string; error: string | undefined; cx: Cx }) {
  return error ? (
    <p id={`${id}-error`} className={cx('error')}>
      {error}
    </p>
  ) : null;
}

export function Description({ id, children, cx }: { id: string; children: ReactNode; cx: Cx }) {
  return children ? (
    <p id={`${id}-description`} className={cx('description')}>
      {children}
    </p>
  ) : null;
}

export interface TextFieldProps extends ComponentPropsWithoutRef<'input'> {
  id: string;
  label: ReactNode;
  error?: string;
  description?: ReactNode;
  cx: Cx;
}

/**
 * A labelled input with its help text and error linked by aria-describedby. The ref (react-hook-form's
 * `register`) reaches the input through `forwardRef`: React 18 passes no `ref` prop to a function component.
 */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { id, label, error, description, cx, ...input },
  ref,
) {
  return (
    <div className={cx('field')}>
      <label htmlFor={id} className={cx('label')}>
        {label}
      </label>
      <Description id={id} cx={cx}>
        {description}
      </Description>
      <input ref={ref} id={id} className={cx('input')} {...describedBy(id, error, description)} {...input} />
      <FieldError id={id} error={error} cx={cx} />
    </div>
  );
});

/**
 * Moves focus to the first invalid control inside `container` after a render in which `request` changed.
 * Call the returned function after a failed submit.
 */
export function useFocusFirstInvalid<T extends HTMLElement>() {
  const container = useRef<T>(null);
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current) return;
    const target = container.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (target) {
      pending.current = false;
      target.focus();
    }
  });
  return { container, focusFirstInvalid: () => (pending.current = true) };
}

/** A visually hidden, always-present live region (it works without the stylesheet too). */
export const srOnly = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
