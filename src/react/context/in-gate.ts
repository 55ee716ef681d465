import { createContext } from 'react';

/**
 * True inside `AuthGate`'s default fallback: its sign-up keeps its result on screen, holding the gate's
 * content back, until the person continues. Elsewhere the result simply stays where it is.
 */
export const InGate = /* @__PURE__ */ createContext(false);
