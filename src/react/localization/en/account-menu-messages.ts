/** Default English text the user menu adds for the account settings. Loaded with the user menu. */
export const accountMenuMessages = {
  'userMenu.manage': 'Manage account',
  'userMenu.manageTitle': 'Account settings',
  'userMenu.deleted': 'Your account is deleted.',
} satisfies Record<string, string>;
