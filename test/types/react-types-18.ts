// Compiled only with @types/react 18: proves those configurations really read React 18's declarations.
// @ts-expect-error useActionState is React 19's
import { useActionState } from 'react';

export const missing: unknown = useActionState;
