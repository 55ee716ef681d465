export type { Profile } from '../client/index';
