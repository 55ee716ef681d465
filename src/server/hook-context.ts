import type { GenericEndpointContext } from 'better-auth';

/** The better-auth hook context, as profilekit's hooks read it: an endpoint's, with what it returned. */
export type HookContext = GenericEndpointContext & { context: { returned?: unknown } };
