// The code of <profilekit-auth-gate>, loaded the first time one is on the page.
import { AuthGate } from '../../react/gate/auth-gate';
import { mountWith } from '../mount';

export const mount = mountWith(AuthGate as Parameters<typeof mountWith>[0], { gate: true });
