import { type FieldPath, get, type UseFormReturn } from 'react-hook-form';
import type { BackgroundValues } from '../types/form-values';

/**
 * Forms whose render is the server's or the hydration of it. Markup defaults are for that HTML only: in the
 * browser react-hook-form sets every field's value itself, on mount and on each `reset`, and defaults that
 * changed with them would fight it.
 */
export const serverPass = new WeakMap<object, boolean>();
export const noSubscription = () => () => {};

/**
 * `register` plus the field's starting value as markup, so a form rendered on the server shows its values
 * before hydration, and hydration finds the same markup: `defaultValue` for a text field or a select, and for
 * one checkbox or radio of a group (`option`), `defaultChecked` when the starting value holds it.
 */
export function registerField(
  form: UseFormReturn<BackgroundValues>,
  name: FieldPath<BackgroundValues>,
  option?: string,
) {
  const registered = form.register(name);
  if (!serverPass.get(form.control)) return registered;
  const value: unknown = get(form.formState.defaultValues, name);
  return option === undefined
    ? { defaultValue: typeof value === 'string' ? value : '', ...registered }
    : { defaultChecked: Array.isArray(value) ? value.includes(option) : value === option, ...registered };
}
