// The code of <profilekit-user-menu>, loaded the first time one is on the page.
import { UserMenu } from '../../react/lazy/shells';
import { mountWith } from '../mount';

export const mount = mountWith(UserMenu as Parameters<typeof mountWith>[0]);
