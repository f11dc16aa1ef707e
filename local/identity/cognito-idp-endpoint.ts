import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import * as z from 'zod';
import { readJsonBody } from '../aws-endpoint.ts';

/** A user of the local pool as ListUsersInGroup returns it. */
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

const ListUsersInGroupSchema = z.object({
  UserPoolId: z.string().min(1),
  GroupName: z.string().min(1),
  Limit: z.number().int().min(0).max(60).optional(),
  NextToken: z.string().optional(),
});

/** When the users were created, as Cognito reports it: epoch seconds. */
const CREATED = Date.parse('2026-01-01T00:00:00Z') / 1000;

/**
 * The Cognito Identity Provider API (AWS JSON 1.1) for the one call the functions make,
 * ListUsersInGroup, with its paging, so `@aws-sdk/client-cognito-identity-provider` runs
 * unchanged against it: the client finds it through AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER.
 */
export function createCognitoEndpoint(pool: LocalUserPool): Server {
  return createServer((request, response) => {
    void handle(pool, request, response).catch((error: unknown) => {
      reply(response, 500, { __type: 'InternalErrorException', message: String(error) });
    });
  });
}

async function handle(pool: LocalUserPool, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const target = request.headers['x-amz-target'];
  if (request.method !== 'POST' || target !== 'AWSCognitoIdentityProviderService.ListUsersInGroup') {
    return reply(response, 400, { __type: 'UnknownOperationException', message: `${String(target)} is not served locally` });
  }
  const parsed = ListUsersInGroupSchema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    return reply(response, 400, { __type: 'InvalidParameterException', message: `invalid: ${fields}` });
  }
  const { UserPoolId, GroupName, Limit, NextToken } = parsed.data;
  if (UserPoolId !== pool.id) return reply(response, 400, { __type: 'ResourceNotFoundException', message: `User pool ${UserPoolId} does not exist.` });
  if (!pool.groups.includes(GroupName)) return reply(response, 400, { __type: 'ResourceNotFoundException', message: 'Group not found.' });
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
  return reply(response, 200, { Users: page, ...(end < members.length ? { NextToken: Buffer.from(String(end)).toString('base64url') } : {}) });
}

function reply(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  response.end(JSON.stringify(body));
}
