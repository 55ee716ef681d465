// The dependency floor of profilekit's forms: the better-auth React client, react-hook-form's useForm and
// the helpers the forms call, and the zod/mini schemas of src/client/schema.ts and validate.ts.
import { get, set, useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { createAuthClient } from '../../node_modules/better-auth/dist/client/react/index.mjs';

export const forms = [
  createAuthClient,
  useForm,
  get,
  set,
  z.array,
  z.enum,
  z.maxLength,
  z.minLength,
  z.nullable,
  z.object,
  z.optional,
  z.overwrite,
  z.pipe,
  z.regex,
  z.strictObject,
  z.string,
  z.toLowerCase,
  z.transform,
  z.trim,
];

console.log(forms);
