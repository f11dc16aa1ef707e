import { CfnOutput, Stack, Validations } from 'aws-cdk-lib';
import { UserPool, UserPoolClientIdentityProvider } from 'aws-cdk-lib/aws-cognito';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { CUSTOMER_PASSWORD_POLICY } from '../functions/domain/password-policy.ts';
import type { PortalConfig } from '../web/shared/runtime-config.ts';
import { acknowledgeEssentialsPlan, USER_POOL_BASELINE } from './user-pool-baseline.ts';

/**
 * Customers' accounts, in a pool of their own: its issuer is not the staff pool's, so the API's
 * staff authorizer refuses a customer's token and the customer authorizer a staff token. Accounts
 * are made by the intake function when a customer activates a form case (the activation link
 * proved the address), never by sign-up, so the pool allows no self sign-up.
 */
export class CustomerIdentity extends Construct {
  public readonly userPool: UserPool;
  public readonly issuerUrl: string;
  public readonly portalClientId: string;
  /** How the portal signs customers in: Cognito's API in the stack's region. */
  public readonly portalSignIn: PortalConfig['customerPool'];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', { ...USER_POOL_BASELINE, passwordPolicy: { ...CUSTOMER_PASSWORD_POLICY } });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'Customers see only their own cases; MFA is offered (TOTP), not forced, as no helpdesk the product follows forces it on customers.',
    });
    acknowledgeEssentialsPlan(this.userPool);
    // The portal's own sign-in form sends the password to Cognito over TLS (USER_PASSWORD_AUTH), as
    // the local pool serves it; no secret, as it runs in the browser.
    const client = this.userPool.addClient('PortalClient', {
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
    });
    this.issuerUrl = this.userPool.userPoolProviderUrl;
    this.portalClientId = client.userPoolClientId;
    this.portalSignIn = { endpoint: `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/`, clientId: this.portalClientId };
    new CfnOutput(this, 'CustomerPoolId', { value: this.userPool.userPoolId }).overrideLogicalId('CustomerPoolId');
    new CfnOutput(this, 'PortalClientId', { value: this.portalClientId }).overrideLogicalId('PortalClientId');
  }

  /** What the function that registers customers may do to the pool: create, set the password of, and delete users. */
  grantAccounts(grantee: IGrantable): void {
    this.userPool.grant(
      grantee,
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminSetUserPassword',
      'cognito-idp:AdminUpdateUserAttributes',
      'cognito-idp:AdminDeleteUser',
    );
  }
}
