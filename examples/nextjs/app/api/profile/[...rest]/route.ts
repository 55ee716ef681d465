// `/api/profile/export` ("Download my data") and `/api/profile/config`: the same handler reads the path.
import { profileHandler } from '@/lib/auth';

export const GET = profileHandler;
