export type {
  ErrorCode,
  Profile,
  ProfileClient,
  ProfileClientOptions,
  ProfileInput,
  ProfilePatch,
  ValidationIssue,
} from '../client/index';
export { createProfileClient, ErrorCodes, isProfileKitError, ProfileKitError } from '../client/index';
