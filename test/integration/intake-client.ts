import { createHash } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import PostalMime from 'postal-mime';
import { inject } from 'vitest';
import { api } from './api-client.ts';
import { eventually } from './local-helpdesk.ts';
import { outboxFor } from './mail-client.ts';

export const form = (email: string, overrides: Record<string, unknown> = {}) => ({
  name: 'Jan Kowalski',
  email,
  subject: 'The invoice for October is missing',
  message: 'I paid on the 3rd and have no invoice yet.',
  ...overrides,
});

export const submit = (body: unknown) => api('nobody', 'POST', '/public/intake', { body });

export const asHolder = (token: string) => ({ headers: { 'x-activation-token': token } });

/** The activation links mailed to an address, oldest first, once `count` have arrived. */
export async function activationLinks(email: string, count = 1): Promise<{ url: string; token: string; subject: string; text: string }[]> {
  const raws = await eventually(async () => {
    const mails = await outboxFor(email);
    return mails.length >= count && mails;
  });
  return Promise.all(
    raws.map(async (raw) => {
      const mail = await PostalMime.parse(raw);
      const url = /https?:\/\/\S+\/activate#[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0] ?? '';
      return { url, token: url.slice(url.indexOf('#') + 1), subject: mail.subject ?? '', text: mail.text ?? '' };
    }),
  );
}

/** Submits the form and returns the token of the link it mailed (the address must have had no mail before). */
export async function submitAndGetToken(email: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const before = (await outboxFor(email)).length;
  const answer = await submit(form(email, overrides));
  if (answer.status !== 202) throw new Error(`submission refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  return (await activationLinks(email, before + 1)).at(-1)!.token;
}

export const activate = (token: string, body: unknown = {}) => api('nobody', 'POST', '/public/activation', { ...asHolder(token), body });

export const PASSWORD = 'Kot-na-dachu-7';
export const registration = { password: PASSWORD, passwordAgain: PASSWORD, acceptTerms: true };

/** Signs a customer in to the local customer pool as the portal does (Cognito's InitiateAuth over HTTP). */
export async function signInCustomer(login: string, password: string): Promise<{ status: number; accessToken: string | null; type: string | null }> {
  const { cognitoUrl, clientId } = inject('customerPool');
  const response = await fetch(cognitoUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: login, PASSWORD: password } }),
  });
  const body = (await response.json()) as { AuthenticationResult?: { AccessToken: string }; __type?: string };
  return { status: response.status, accessToken: body.AuthenticationResult?.AccessToken ?? null, type: body.__type ?? null };
}

/** Moves a one-time link's expiry (an activation's, or a new address's confirmation) into the past, as if its hours had gone by. */
export async function expireLink(token: string, item: 'ACTIVATION' | 'EMAIL_CHANGE' = 'ACTIVATION'): Promise<void> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: inject('dynamoDbEndpoint'), region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  try {
    const hash = createHash('sha256').update(token).digest('base64url');
    await client.send(
      new UpdateCommand({
        TableName: inject('tableName'),
        Key: { pk: `${item}#${hash}`, sk: item },
        UpdateExpression: 'SET linkExpiresAt = :past',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 60_000).toISOString() },
      }),
    );
  } finally {
    client.destroy();
  }
}
