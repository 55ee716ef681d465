// What every component's story meta shares.

/** The appearance controls every component offers. */
export const appearanceControls = {
  theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  unstyled: { control: 'boolean' },
} as const;

/** The component's description on its docs page, as story parameters. */
export const described = (component: string) => ({ docs: { description: { component } } });
