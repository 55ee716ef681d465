// The code of <profilekit-sign-in>, loaded the first time one is on the page.
import { SignIn } from '../../react/lazy/forms';
import { mountWith } from '../mount';

export const mount = mountWith(SignIn as Parameters<typeof mountWith>[0]);
