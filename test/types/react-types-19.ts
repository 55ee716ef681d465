// Compiled only with @types/react 19 (the project's own), the counterpart of react-types-18.ts.
import { useActionState } from 'react';

export const present: typeof useActionState = useActionState;
