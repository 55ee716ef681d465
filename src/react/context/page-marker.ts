/**
 * The query parameter that marks a page a mailed link leads back to (`?profilekit=reset-password`,
 * `?profilekit=verify-email`), so the component that sent the link knows what it brought.
 */
export const PAGE_MARKER = 'profilekit';
