import { CfnOutput, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  UserPool,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface IdentityProps {
  /** Where the web client may receive its authorisation code. */
  readonly callbackUrls: readonly string[];
  readonly domainPrefix: string;
}

const GROUPS = {
  agents: 'Agents work cases',
  admins: 'Admins configure the helpdesk and act as agents',
  robots: 'Robot users pick up and hand back work',
} as const;

/** Who may call the API: staff sign in to the web client, robots use client credentials. */
export class Identity extends Construct {
  public readonly userPool: UserPool;
  /** The JWT `iss` claim of every token this pool issues. */
  public readonly issuerUrl: string;
  public readonly webClientId: string;
  public readonly robotClientId: string;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP only) so a tenant can onboard agents before each has an authenticator; ' +
          'robots authenticate with client credentials, where MFA does not apply.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus feature plan (threat protection) is billed per monthly active user; the Essentials plan ' +
          'with a strong password policy and optional TOTP is the baseline, Plus a per-tenant purchase.',
      },
    );

    for (const [groupName, description] of Object.entries(GROUPS)) {
      this.userPool.addGroup(groupName, { groupName, description });
    }

    const robotScope = new ResourceServerScope({ scopeName: 'robot', scopeDescription: 'Pick up and hand back cases' });
    const resourceServer = this.userPool.addResourceServer('ResourceServer', {
      identifier: 'helpdesk',
      scopes: [robotScope],
    });

    // The hosted /oauth2 endpoints both flows below need live on this domain.
    const domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });

    // A public client in the browser: no secret, so PKCE is what binds the code to the caller.
    const webClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [...props.callbackUrls],
        logoutUrls: [...props.callbackUrls],
      },
    });

    const robotClient = this.userPool.addClient('RobotClient', {
      generateSecret: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { clientCredentials: true },
        scopes: [OAuthScope.resourceServer(resourceServer, robotScope)],
      },
    });

    this.issuerUrl = this.userPool.userPoolProviderUrl;
    this.webClientId = webClient.userPoolClientId;
    this.robotClientId = robotClient.userPoolClientId;

    const outputs = {
      UserPoolId: this.userPool.userPoolId,
      IssuerUrl: this.issuerUrl,
      WebClientId: this.webClientId,
      RobotClientId: this.robotClientId,
      AuthBaseUrl: domain.baseUrl(),
    };
    for (const [name, value] of Object.entries(outputs)) {
      // Plain output names, for scripts that read the stack's outputs.
      new CfnOutput(this, name, { value }).overrideLogicalId(name);
    }
  }
}
