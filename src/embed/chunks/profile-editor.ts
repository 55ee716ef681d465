// The code of <profilekit-profile-editor>, loaded the first time one is on the page.
import { ProfileEditor } from '../../react/lazy/parts';
import { mountWith } from '../mount';

export const mount = mountWith(ProfileEditor as Parameters<typeof mountWith>[0]);
