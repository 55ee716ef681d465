// `profilekit/msw`: an in-memory backend for Storybook and a host's own tests. The state lives in
// `state.ts`, each family of routes in a file of its own, the personas as data.
export { createMockBackend } from './backend';
export {
  demoUser,
  type MockDevice,
  type MockUser,
  type Persona,
  type PersonaName,
  personas,
  resetTokens,
  sampleDevices,
  sampleProfile,
  verificationTokens,
} from './personas';
export type { MockBackend, MockBackendOptions, MockMail } from './types';
