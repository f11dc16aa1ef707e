import * as z from 'zod';

/** The customer user pool's password policy: CDK sets it on the pool and the API checks it first, with field paths. */
export const CUSTOMER_PASSWORD_POLICY = { minLength: 10, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true } as const;

// The characters Cognito counts as symbols.
const SYMBOL = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

export const CustomerPasswordSchema = z
  .string()
  .min(CUSTOMER_PASSWORD_POLICY.minLength, `at least ${CUSTOMER_PASSWORD_POLICY.minLength} characters`)
  .max(256)
  .regex(/[a-z]/, 'needs a lower-case letter')
  .regex(/[A-Z]/, 'needs an upper-case letter')
  .regex(/[0-9]/, 'needs a digit')
  .regex(SYMBOL, 'needs a symbol such as ! ? # or -');
