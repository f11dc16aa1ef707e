import { inject } from 'vitest';
import type { ApiResponse } from './api-client.ts';
import { activate, PASSWORD, registration, signInCustomer, submitAndGetToken } from './intake-client.ts';
import { uniqueSender } from './mail-client.ts';

/** Calls the API as a signed-in customer, with the token the customer pool gave them. */
export async function asCustomer<T = any>(token: string, method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
  const response = await fetch(`${inject('apiUrl')}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

/** A customer who came through the form, activated and registered, signed in: their first case's number, and their token. */
export async function registeredCustomer(subject = 'My printer is offline'): Promise<{ email: string; token: string; caseNumber: number }> {
  const email = uniqueSender('portal');
  const activated = await activate(await submitAndGetToken(email, { subject }), registration);
  const signedIn = await signInCustomer(email, PASSWORD);
  if (!signedIn.accessToken) throw new Error(`could not sign in: ${signedIn.type}`);
  return { email, token: signedIn.accessToken, caseNumber: activated.body.caseNumber };
}
