import type { AppearanceProps } from '../types/appearance-props';

/**
 * The root attributes of a form that is a card unless its props or the provider say `plain`: the sign-in,
 * the reset forms and the sign-up, which stand on their own in a page (here, not in `useAppearance`, so
 * the gate's first load carries none of it).
 */
export function cardByDefault<T extends Record<string, unknown>>(
  rootProps: T,
  own: AppearanceProps,
  shared: AppearanceProps,
): T {
  const card = (own.appearance ?? shared.appearance ?? 'card') === 'card';
  return { ...rootProps, 'data-pk-appearance': card ? 'card' : undefined };
}
