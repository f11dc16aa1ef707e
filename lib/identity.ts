import { CfnOutput, Duration, Lazy, Validations } from 'aws-cdk-lib';
import {
  OAuthScope,
  ResourceServerScope,
  UserPool,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { RuntimeConfig } from '../web/shared/runtime-config.ts';
import { acknowledgeEssentialsPlan, USER_POOL_BASELINE } from './user-pool-baseline.ts';

export interface IdentityProps {
  /** Where the web client may receive its authorisation code (more with `addSignInUrl`). */
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
  /** The hosted UI's origin, where staff sign in and the /oauth2 endpoints live. */
  public readonly authBaseUrl: string;
  /** How a web app signs staff in through the hosted UI: the `auth` of its `config.json`. */
  public readonly webSignIn: RuntimeConfig['auth'];
  private readonly signInUrls: string[];

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      ...USER_POOL_BASELINE,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional (TOTP only) so a tenant can onboard agents before each has an authenticator; ' +
        'robots authenticate with client credentials, where MFA does not apply.',
    });
    acknowledgeEssentialsPlan(this.userPool);

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

    this.signInUrls = [...props.callbackUrls];
    // Read at synth time, so URLs of apps built after this construct (addSignInUrl) are in.
    const signInUrls = Lazy.list({ produce: () => this.signInUrls });
    const scopes = [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE];
    // A public client in the browser: no secret, so PKCE is what binds the code to the caller.
    const webClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes,
        callbackUrls: signInUrls,
        logoutUrls: signInUrls,
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
    this.authBaseUrl = domain.baseUrl();
    this.webSignIn = {
      authorizeUrl: `${this.authBaseUrl}/oauth2/authorize`,
      tokenUrl: `${this.authBaseUrl}/oauth2/token`,
      logoutUrl: `${this.authBaseUrl}/logout`,
      clientId: this.webClientId,
      scope: scopes.map((scope) => scope.scopeName).join(' '),
    };

    const outputs = {
      UserPoolId: this.userPool.userPoolId,
      IssuerUrl: this.issuerUrl,
      WebClientId: this.webClientId,
      RobotClientId: this.robotClientId,
      AuthBaseUrl: this.authBaseUrl,
    };
    for (const [name, value] of Object.entries(outputs)) {
      // Plain output names, for scripts that read the stack's outputs.
      new CfnOutput(this, name, { value }).overrideLogicalId(name);
    }
  }

  /** Lets the web client's sign-in return to `url` with the code, and its sign-out return there too. */
  addSignInUrl(url: string): void {
    this.signInUrls.push(url);
  }
}
