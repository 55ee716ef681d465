export { parseProfileInput, parseProfilePatch, toValidationIssues } from '../client/index';
