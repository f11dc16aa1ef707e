import {
  AdminCreateUserCommand,
  AdminUpdateUserAttributesCommand,
  AliasExistsException,
  AdminDeleteUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { ConflictError } from '../domain/errors.ts';
import type { CustomerAccounts } from './customer-accounts.ts';

/** Customer accounts in the customer user pool, through the same API locally (local/identity) and in the cloud. */
export class CognitoCustomerAccounts implements CustomerAccounts {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async create({ customerId, email, password }: { customerId: string; email: string; password: string }): Promise<void> {
    try {
      await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: customerId,
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
          ],
          // The customer chose a password on the activation page: no invitation mail, no temporary password.
          MessageAction: 'SUPPRESS',
        }),
      );
    } catch (error) {
      if (error instanceof UsernameExistsException) throw new ConflictError('this customer already has an account', 'account_exists');
      throw error;
    }
    try {
      await this.client.send(new AdminSetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: customerId, Password: password, Permanent: true }));
    } catch (error) {
      // A user without a usable password would block the next registration attempt.
      await this.delete(customerId);
      throw error;
    }
  }

  async changeEmail(customerId: string, email: string): Promise<void> {
    try {
      await this.client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: this.userPoolId,
          Username: customerId,
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof AliasExistsException) throw new ConflictError('another account signs in with this address', 'email_taken');
      throw error;
    }
  }

  async delete(customerId: string): Promise<void> {
    try {
      await this.client.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: customerId }));
    } catch (error) {
      if (!(error instanceof UserNotFoundException)) throw error;
    }
  }
}
