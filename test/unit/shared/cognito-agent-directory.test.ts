import { CognitoIdentityProviderClient, ListUsersInGroupCommand, type UserType } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CognitoAgentDirectory, DIRECTORY_TTL_MS } from '../../../functions/shared/cognito-agent-directory.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
const client = new CognitoIdentityProviderClient({ region: 'eu-central-1' });

const user = (sub: string, attributes: Record<string, string>, overrides: Partial<UserType> = {}): UserType => ({
  Username: `user-${sub}`,
  Attributes: Object.entries({ sub, ...attributes }).map(([Name, Value]) => ({ Name, Value })),
  Enabled: true,
  ...overrides,
});

beforeEach(() => cognito.reset());

describe('CognitoAgentDirectory', () => {
  it("lists every page of the pool's agents group, by name, each with its sub as id", async () => {
    cognito
      .on(ListUsersInGroupCommand, { NextToken: undefined })
      .resolves({ Users: [user('s-zofia', { name: 'Zofia', email: 'zofia@acme.example' })], NextToken: 'page-2' })
      .on(ListUsersInGroupCommand, { NextToken: 'page-2' })
      .resolves({ Users: [user('s-adam', { email: 'adam@acme.example' })] });

    const agents = await new CognitoAgentDirectory(client, 'eu-central-1_pool').list();

    expect(agents).toEqual([
      { id: 's-adam', name: 'adam@acme.example', email: 'adam@acme.example' },
      { id: 's-zofia', name: 'Zofia', email: 'zofia@acme.example' },
    ]);
    // The paginator reuses one input object, so each call shows the last token.
    expect(cognito.commandCalls(ListUsersInGroupCommand).map((call) => call.args[0].input)).toEqual([
      expect.objectContaining({ UserPoolId: 'eu-central-1_pool', GroupName: 'agents', Limit: 60 }),
      { UserPoolId: 'eu-central-1_pool', GroupName: 'agents', Limit: 60, NextToken: 'page-2' },
    ]);
  });

  it('leaves out disabled users, who cannot sign in to work a case', async () => {
    cognito.on(ListUsersInGroupCommand).resolves({
      Users: [user('s-ala', { name: 'Ala' }), user('s-gone', { name: 'Gone' }, { Enabled: false })],
    });

    const agents = await new CognitoAgentDirectory(client, 'pool').list();

    expect(agents).toEqual([{ id: 's-ala', name: 'Ala' }]);
  });

  it('asks Cognito again only once the list is a minute old', async () => {
    cognito.on(ListUsersInGroupCommand).resolves({ Users: [user('s-ala', { name: 'Ala' })] });
    let now = 0;
    const directory = new CognitoAgentDirectory(client, 'pool', () => now);

    await directory.list();
    now = DIRECTORY_TTL_MS - 1;
    await directory.list();
    const callsWithinTheMinute = cognito.commandCalls(ListUsersInGroupCommand).length;
    now = DIRECTORY_TTL_MS;
    await directory.list();

    expect([callsWithinTheMinute, cognito.commandCalls(ListUsersInGroupCommand).length]).toEqual([1, 2]);
  });

  it('remembers no failure: the next call asks again', async () => {
    cognito.on(ListUsersInGroupCommand).rejectsOnce(new Error('throttled')).resolves({ Users: [user('s-ala', { name: 'Ala' })] });
    const directory = new CognitoAgentDirectory(client, 'pool');

    await expect(directory.list()).rejects.toThrow('throttled');
    expect(await directory.list()).toEqual([{ id: 's-ala', name: 'Ala' }]);
  });
});
