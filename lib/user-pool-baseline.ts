import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccountRecovery, FeaturePlan, Mfa, type UserPool, type UserPoolProps } from 'aws-cdk-lib/aws-cognito';

/** What the staff and the customer pools share: e-mail sign-in, optional TOTP, kept when the stack goes. */
export const USER_POOL_BASELINE = {
  selfSignUpEnabled: false,
  signInAliases: { email: true },
  autoVerify: { email: true },
  accountRecovery: AccountRecovery.EMAIL_ONLY,
  mfa: Mfa.OPTIONAL,
  mfaSecondFactor: { otp: true, sms: false },
  featurePlan: FeaturePlan.ESSENTIALS,
  deletionProtection: true,
  removalPolicy: RemovalPolicy.RETAIN,
} as const satisfies UserPoolProps;

/** cdk-nag's threat-protection finding, the same for both pools. */
export function acknowledgeEssentialsPlan(pool: UserPool): void {
  Validations.of(pool).acknowledge({
    id: 'AwsSolutions-COG8',
    reason:
      'The Plus feature plan (threat protection) is billed per monthly active user; the Essentials plan ' +
      'with a strong password policy and optional TOTP is the baseline, Plus a per-tenant purchase.',
  });
}
