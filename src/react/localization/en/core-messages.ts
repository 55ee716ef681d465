/** The only text a gate needs before it knows who is signed in. */
export const coreMessages = { loading: 'Loading…' };
