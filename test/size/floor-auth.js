// The dependency floor of a signed-in gate: an app with the better-auth React client alone. By file, as
// .size-limit.js's lines load it: size-limit leaves a peer dependency out when imported by name.
import { createAuthClient } from '../../node_modules/better-auth/dist/client/react/index.mjs';

console.log(createAuthClient);
