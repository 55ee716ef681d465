import { profileHandler } from '@/lib/auth';

export const GET = profileHandler;
export const HEAD = profileHandler;
export const PUT = profileHandler;
export const PATCH = profileHandler;
