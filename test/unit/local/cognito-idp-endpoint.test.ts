import type { AddressInfo } from 'node:net';
import {
  CognitoIdentityProviderClient,
  ListUsersInGroupCommand,
  ListUsersCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoEndpoint, type LocalUserPool } from '../../../local/identity/cognito-idp-endpoint.ts';
import { LOCAL_USER_POOL } from '../../../local/identity/local-cognito.ts';

const POOL: LocalUserPool = {
  id: 'eu-central-1_test',
  groups: ['agents', 'admins', 'robots'],
  users: ['a', 'b', 'c'].map((name) => ({ username: name, attributes: { sub: `sub-${name}`, name }, groups: ['agents'] })),
};

describe('the local Cognito Identity Provider endpoint', () => {
  const server = createCognitoEndpoint(POOL);
  let cognito: CognitoIdentityProviderClient;
  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    cognito = new CognitoIdentityProviderClient({ endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  });
  afterAll(async () => {
    cognito.destroy();
    await new Promise<void>((done) => server.close(() => done()));
  });

  it("answers the SDK's ListUsersInGroup page by page, with the users' attributes", async () => {
    const first = await cognito.send(new ListUsersInGroupCommand({ UserPoolId: POOL.id, GroupName: 'agents', Limit: 2 }));
    const second = await cognito.send(new ListUsersInGroupCommand({ UserPoolId: POOL.id, GroupName: 'agents', Limit: 2, NextToken: first.NextToken! }));

    expect(first.Users?.map((u) => u.Username)).toEqual(['a', 'b']);
    expect(first.Users?.[0]).toMatchObject({ Enabled: true, UserStatus: 'CONFIRMED', Attributes: [{ Name: 'sub', Value: 'sub-a' }, { Name: 'name', Value: 'a' }] });
    expect(first.Users?.[0]?.UserCreateDate).toBeInstanceOf(Date);
    expect([second.Users?.map((u) => u.Username), second.NextToken]).toEqual([['c'], undefined]);
  });

  it('answers an empty page for a group with no members', async () => {
    const robots = await cognito.send(new ListUsersInGroupCommand({ UserPoolId: POOL.id, GroupName: 'robots' }));

    expect(robots.Users).toEqual([]);
  });

  it.each([
    ['another pool', { UserPoolId: 'eu-central-1_other', GroupName: 'agents' }],
    ['a group the pool does not have', { UserPoolId: POOL.id, GroupName: 'nobody' }],
  ])('refuses %s as Cognito does', async (_what, input) => {
    await expect(cognito.send(new ListUsersInGroupCommand(input))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('refuses any other operation by name', async () => {
    await expect(cognito.send(new ListUsersCommand({ UserPoolId: POOL.id }))).rejects.toThrow(/ListUsers is not served locally/);
  });
});

describe('the local user pool', () => {
  it('has the local people in the agents group, with a name and an e-mail, and not the robot', () => {
    const agents = LOCAL_USER_POOL.users.filter((user) => user.groups.includes('agents'));

    expect(agents.map((user) => user.attributes)).toEqual([
      { sub: 'agent-ala', name: 'Ala (agent)', email: 'ala@staff.example' },
      { sub: 'agent-ewa', name: 'Ewa (agent)', email: 'ewa@staff.example' },
      { sub: 'admin-ola', name: 'Ola (admin)', email: 'ola@staff.example' },
    ]);
  });
});
