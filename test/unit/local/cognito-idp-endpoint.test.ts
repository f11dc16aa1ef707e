import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AliasExistsException,
  ChangePasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  InvalidPasswordException,
  ListUsersInGroupCommand,
  ListUsersCommand,
  NotAuthorizedException,
  ResourceNotFoundException,
  UsernameExistsException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoEndpoint, type LocalUserPool } from '../../../local/identity/cognito-idp-endpoint.ts';
import { LocalCustomerPool } from '../../../local/identity/customer-pool.ts';
import { LOCAL_USER_POOL } from '../../../local/identity/local-cognito.ts';
import { TokenIssuer } from '../../../local/token-issuer.ts';

const POOL: LocalUserPool = {
  id: 'eu-central-1_test',
  groups: ['agents', 'admins', 'robots'],
  users: ['a', 'b', 'c'].map((name) => ({ username: name, attributes: { sub: `sub-${name}`, name }, groups: ['agents'] })),
};

const CUSTOMERS = 'eu-central-1_customers';
const PORTAL = 'portal-client';
const customerIssuer = new TokenIssuer({ issuer: 'http://localhost/test/customers', audiences: [PORTAL] });
const staffIssuer = new TokenIssuer({ issuer: 'http://localhost/test' });
const accountsFile = join(mkdtempSync(join(tmpdir(), 'customer-pool-')), 'accounts.json');

describe('the local Cognito Identity Provider endpoint', () => {
  const server = createCognitoEndpoint(POOL, { id: CUSTOMERS, clientId: PORTAL, pool: new LocalCustomerPool(customerIssuer, PORTAL, accountsFile) });
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

  const signIn = (login: string, password: string) =>
    cognito.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: PORTAL, AuthParameters: { USERNAME: login, PASSWORD: password } }));

  it("creates a customer's account, signs them in by e-mail or username with customer tokens only, and deletes it", async () => {
    await cognito.send(new AdminCreateUserCommand({ UserPoolId: CUSTOMERS, Username: 'cust-1', UserAttributes: [{ Name: 'email', Value: 'Jan@Example.com' }], MessageAction: 'SUPPRESS' }));
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: CUSTOMERS, Username: 'cust-1', Password: 'Secret-pass-1', Permanent: true }));

    const byEmail = await signIn('jan@example.com', 'Secret-pass-1');
    const byName = await signIn('cust-1', 'Secret-pass-1');
    const claims = await customerIssuer.verify(byEmail.AuthenticationResult!.AccessToken!);
    expect(claims).toMatchObject({ username: 'cust-1', client_id: PORTAL, token_use: 'access' });
    expect(await customerIssuer.verify(byName.AuthenticationResult!.AccessToken!)).toMatchObject({ username: 'cust-1' });
    expect(await staffIssuer.verify(byEmail.AuthenticationResult!.AccessToken!)).toBeNull();
    expect(await customerIssuer.verify(await staffIssuer.issue({ sub: 'agent-ala', 'cognito:groups': ['agents'] }))).toBeNull();

    await expect(signIn('jan@example.com', 'Wrong-pass-1')).rejects.toBeInstanceOf(NotAuthorizedException);
    await cognito.send(new AdminDeleteUserCommand({ UserPoolId: CUSTOMERS, Username: 'cust-1' }));
    await expect(signIn('jan@example.com', 'Secret-pass-1')).rejects.toBeInstanceOf(NotAuthorizedException);
    await expect(cognito.send(new AdminDeleteUserCommand({ UserPoolId: CUSTOMERS, Username: 'cust-1' }))).rejects.toBeInstanceOf(UserNotFoundException);
  });

  it('refuses a second account for a username or an e-mail, and a password the policy refuses', async () => {
    await cognito.send(new AdminCreateUserCommand({ UserPoolId: CUSTOMERS, Username: 'cust-2', UserAttributes: [{ Name: 'email', Value: 'ala@example.com' }] }));

    await expect(cognito.send(new AdminCreateUserCommand({ UserPoolId: CUSTOMERS, Username: 'cust-2' }))).rejects.toBeInstanceOf(UsernameExistsException);
    await expect(
      cognito.send(new AdminCreateUserCommand({ UserPoolId: CUSTOMERS, Username: 'cust-3', UserAttributes: [{ Name: 'email', Value: 'ALA@example.com' }] })),
    ).rejects.toBeInstanceOf(UsernameExistsException);
    await expect(
      cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: CUSTOMERS, Username: 'cust-2', Password: 'short', Permanent: true })),
    ).rejects.toBeInstanceOf(InvalidPasswordException);
    await expect(signIn('ala@example.com', 'short')).rejects.toBeInstanceOf(NotAuthorizedException);
  });

  it("moves a customer's sign-in to a new e-mail, and refuses one another account signs in with", async () => {
    const update = (Username: string, email: string) =>
      cognito.send(new AdminUpdateUserAttributesCommand({ UserPoolId: CUSTOMERS, Username, UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }] }));
    for (const [Username, email] of [['cust-7', 'old@example.com'], ['cust-8', 'iga@example.com']]) {
      await cognito.send(new AdminCreateUserCommand({ UserPoolId: CUSTOMERS, Username, UserAttributes: [{ Name: 'email', Value: email! }] }));
      await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: CUSTOMERS, Username, Password: 'Secret-pass-1', Permanent: true }));
    }

    await update('cust-7', 'New@Example.com');

    expect((await signIn('new@example.com', 'Secret-pass-1')).AuthenticationResult?.AccessToken).toBeTruthy();
    await expect(signIn('old@example.com', 'Secret-pass-1')).rejects.toBeInstanceOf(NotAuthorizedException);
    await expect(update('cust-7', 'IGA@example.com')).rejects.toBeInstanceOf(AliasExistsException);
    await expect(update('nobody', 'x@example.com')).rejects.toBeInstanceOf(UserNotFoundException);
  });

  it('changes the password of the signed-in customer who proves the current one, by the policy', async () => {
    await cognito.send(new AdminCreateUserCommand({ UserPoolId: CUSTOMERS, Username: 'cust-5', UserAttributes: [{ Name: 'email', Value: 'piotr@example.com' }] }));
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: CUSTOMERS, Username: 'cust-5', Password: 'Secret-pass-5', Permanent: true }));
    const { AuthenticationResult } = await signIn('piotr@example.com', 'Secret-pass-5');
    const change = (previous: string, proposed: string, token = AuthenticationResult!.AccessToken!) =>
      cognito.send(new ChangePasswordCommand({ AccessToken: token, PreviousPassword: previous, ProposedPassword: proposed }));

    await expect(change('Wrong-pass-5', 'Newer-pass-55')).rejects.toBeInstanceOf(NotAuthorizedException);
    await expect(change('Secret-pass-5', 'weak')).rejects.toBeInstanceOf(InvalidPasswordException);
    await expect(change('Secret-pass-5', 'Newer-pass-55', await staffIssuer.issue({ username: 'cust-5' }))).rejects.toBeInstanceOf(NotAuthorizedException);
    await change('Secret-pass-5', 'Newer-pass-55');

    await expect(signIn('piotr@example.com', 'Secret-pass-5')).rejects.toBeInstanceOf(NotAuthorizedException);
    expect((await signIn('piotr@example.com', 'Newer-pass-55')).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('keeps accounts in its file: a pool opened on it again signs the customer in', async () => {
    await cognito.send(new AdminCreateUserCommand({ UserPoolId: CUSTOMERS, Username: 'cust-4', UserAttributes: [{ Name: 'email', Value: 'ewa@example.com' }] }));
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: CUSTOMERS, Username: 'cust-4', Password: 'Secret-pass-4', Permanent: true }));

    const reopened = new LocalCustomerPool(customerIssuer, PORTAL, accountsFile);
    const tokens = await reopened.signIn('ewa@example.com', 'Secret-pass-4');
    expect(await customerIssuer.verify(tokens.AccessToken)).toMatchObject({ username: 'cust-4' });
  });

  it("refuses a customer operation on the staff pool's id, and sign-in through another client", async () => {
    await expect(cognito.send(new AdminCreateUserCommand({ UserPoolId: POOL.id, Username: 'x' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(
      cognito.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'local-web', AuthParameters: { USERNAME: 'a', PASSWORD: 'b' } })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
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
