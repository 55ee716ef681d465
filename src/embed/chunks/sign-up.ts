// The code of <profilekit-sign-up>, loaded the first time one is on the page.
import { SignUpWithBackground } from '../../react/lazy/forms';
import { mountWith } from '../mount';

export const mount = mountWith(SignUpWithBackground as Parameters<typeof mountWith>[0]);
