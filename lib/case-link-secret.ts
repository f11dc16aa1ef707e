import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The key a tenant's public case links are signed with (functions/shared/case-links.ts): made at
 * the first deploy, read once per cold start by the functions that make or check links.
 */
export class CaseLinkSecret extends Construct {
  public readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: "Signs the tenant's public case links; replacing it breaks every link already mailed",
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Links in customers' mailboxes are signed with it: a stack deletion must not make them all dead.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotation would break every public link customers hold in their mail at once. A leaked link is replaced per case ' +
        '(POST /cases/{caseId}/public-link); a leaked key is replaced by hand, knowingly.',
    });
  }

  /** Lets the function read the key and tells it where it is. */
  grantTo(fn: LambdaFunction): void {
    this.secret.grantRead(fn);
    fn.addEnvironment('CASE_LINK_SECRET_ARN', this.secret.secretArn);
  }
}
