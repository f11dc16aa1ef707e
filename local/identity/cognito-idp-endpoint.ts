import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import * as z from 'zod';
import { readJsonBody } from '../aws-endpoint.ts';
import { CognitoError, type LocalCustomerPool } from './customer-pool.ts';

/** A user of the local staff pool as ListUsersInGroup returns it. */
export interface LocalUser {
  username: string;
  attributes: Record<string, string>;
  groups: readonly string[];
}

export interface LocalUserPool {
  id: string;
  groups: readonly string[];
  users: readonly LocalUser[];
}

/** When the staff users were created, as Cognito reports it: epoch seconds. */
const CREATED = Date.parse('2026-01-01T00:00:00Z') / 1000;

const Attributes = z.array(z.object({ Name: z.string().min(1), Value: z.string() }));

/**
 * The Cognito Identity Provider API (AWS JSON 1.1) for the calls the helpdesk makes, so
 * `@aws-sdk/client-cognito-identity-provider` runs unchanged against it (the client finds it through
 * AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER): the agent directory lists the staff pool; the intake
 * creates customers' accounts and moves them to a confirmed new address; the portal signs customers in and changes their password from the
 * browser (hence CORS).
 */
export function createCognitoEndpoint(staff: LocalUserPool, customers: { id: string; clientId: string; pool: LocalCustomerPool }): Server {
  const operations: Record<string, (input: unknown) => Promise<object> | object> = {
    ListUsersInGroup: (input) => listUsersInGroup(staff, input),
    AdminCreateUser: (input) => {
      const { UserPoolId, Username, UserAttributes } = parse(z.object({ UserPoolId: z.string(), Username: z.string().min(1), UserAttributes: Attributes.default([]) }), input);
      customerPool(UserPoolId, customers.id);
      customers.pool.createUser(Username, Object.fromEntries(UserAttributes.map((a) => [a.Name, a.Value])));
      return { User: { Username, Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD', Attributes: UserAttributes } };
    },
    AdminSetUserPassword: (input) => {
      const { UserPoolId, Username, Password } = parse(z.object({ UserPoolId: z.string(), Username: z.string(), Password: z.string(), Permanent: z.literal(true) }), input);
      customerPool(UserPoolId, customers.id);
      customers.pool.setPassword(Username, Password);
      return {};
    },
    AdminUpdateUserAttributes: (input) => {
      const { UserPoolId, Username, UserAttributes } = parse(z.object({ UserPoolId: z.string(), Username: z.string(), UserAttributes: Attributes }), input);
      customerPool(UserPoolId, customers.id);
      customers.pool.updateAttributes(Username, Object.fromEntries(UserAttributes.map((a) => [a.Name, a.Value])));
      return {};
    },
    AdminDeleteUser: (input) => {
      const { UserPoolId, Username } = parse(z.object({ UserPoolId: z.string(), Username: z.string() }), input);
      customerPool(UserPoolId, customers.id);
      customers.pool.deleteUser(Username);
      return {};
    },
    AdminGetUser: (input) => {
      const { UserPoolId, Username } = parse(z.object({ UserPoolId: z.string(), Username: z.string() }), input);
      customerPool(UserPoolId, customers.id);
      const attributes = customers.pool.attributesOf(Username);
      return { Username, Enabled: true, UserStatus: 'CONFIRMED', UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })) };
    },
    ChangePassword: async (input) => {
      const { AccessToken, PreviousPassword, ProposedPassword } = parse(
        z.object({ AccessToken: z.string(), PreviousPassword: z.string(), ProposedPassword: z.string() }),
        input,
      );
      await customers.pool.changePassword(AccessToken, PreviousPassword, ProposedPassword);
      return {};
    },
    InitiateAuth: async (input) => {
      const { ClientId, AuthParameters } = parse(
        z.object({ AuthFlow: z.literal('USER_PASSWORD_AUTH'), ClientId: z.string(), AuthParameters: z.object({ USERNAME: z.string(), PASSWORD: z.string() }) }),
        input,
      );
      if (ClientId !== customers.clientId) throw new CognitoError('ResourceNotFoundException', 'User pool client does not exist.');
      return { AuthenticationResult: await customers.pool.signIn(AuthParameters.USERNAME, AuthParameters.PASSWORD), ChallengeParameters: {} };
    },
  };
  return createServer((request, response) => {
    void handle(operations, request, response).catch((error: unknown) => {
      if (error instanceof CognitoError) return reply(response, 400, { __type: error.type, message: error.message });
      reply(response, 500, { __type: 'InternalErrorException', message: String(error) });
    });
  });
}

async function handle(operations: Record<string, (input: unknown) => Promise<object> | object>, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method === 'OPTIONS') {
    response.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': request.headers['access-control-request-headers'] ?? 'content-type, x-amz-target',
      'access-control-max-age': '3600',
    });
    return void response.end();
  }
  const target = String(request.headers['x-amz-target'] ?? '');
  const operation = target.startsWith('AWSCognitoIdentityProviderService.') ? operations[target.slice('AWSCognitoIdentityProviderService.'.length)] : undefined;
  if (request.method !== 'POST' || !operation) {
    return reply(response, 400, { __type: 'UnknownOperationException', message: `${target} is not served locally` });
  }
  reply(response, 200, await operation(await readJsonBody(request)));
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new CognitoError('InvalidParameterException', `invalid: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
  return parsed.data;
}

function customerPool(requested: string, id: string): void {
  if (requested !== id) throw new CognitoError('ResourceNotFoundException', `User pool ${requested} does not exist.`);
}

function listUsersInGroup(pool: LocalUserPool, input: unknown): object {
  const { UserPoolId, GroupName, Limit, NextToken } = parse(
    z.object({ UserPoolId: z.string().min(1), GroupName: z.string().min(1), Limit: z.number().int().min(0).max(60).optional(), NextToken: z.string().optional() }),
    input,
  );
  if (UserPoolId !== pool.id) throw new CognitoError('ResourceNotFoundException', `User pool ${UserPoolId} does not exist.`);
  if (!pool.groups.includes(GroupName)) throw new CognitoError('ResourceNotFoundException', 'Group not found.');
  const members = pool.users.filter((user) => user.groups.includes(GroupName));
  // Cognito's default and largest page is 60; its token is opaque, here the offset.
  const start = NextToken ? Number(Buffer.from(NextToken, 'base64url').toString()) : 0;
  const end = start + (Limit || 60);
  const page = members.slice(start, end).map((user) => ({
    Username: user.username,
    Attributes: Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
    UserCreateDate: CREATED,
    UserLastModifiedDate: CREATED,
    Enabled: true,
    UserStatus: 'CONFIRMED',
  }));
  return { Users: page, ...(end < members.length ? { NextToken: Buffer.from(String(end)).toString('base64url') } : {}) };
}

function reply(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'access-control-allow-origin': '*' });
  response.end(JSON.stringify(body));
}
