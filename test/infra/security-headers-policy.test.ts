import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { describe, expect, it } from 'vitest';
import { securityHeadersPolicy } from '../../lib/security-headers-policy.ts';
import { webSecurityHeaders } from '../../web/security-headers.ts';

describe('securityHeadersPolicy', () => {
  it('carries every header webSecurityHeaders() gives, as CloudFront security headers', () => {
    const headers = webSecurityHeaders({ api: 'https://api.example', signIn: 'https://auth.example', storage: 'https://files.example', customerSignIn: 'https://cognito.example' });

    const policy = securityHeadersPolicy(headers);

    expect(policy.customHeadersBehavior).toBeUndefined();
    expect(policy.securityHeadersBehavior).toEqual({
      contentSecurityPolicy: { contentSecurityPolicy: headers['content-security-policy'], override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(63072000),
        includeSubdomains: true,
        preload: false,
        override: true,
      },
    });
  });

  it('passes any other header on as a custom header', () => {
    const policy = securityHeadersPolicy({ 'permissions-policy': 'camera=()' });

    expect(policy.customHeadersBehavior).toEqual({
      customHeaders: [{ header: 'permissions-policy', value: 'camera=()', override: true }],
    });
  });

  it.each([
    ['x-frame-options', 'ALLOW-FROM https://example.com'],
    ['referrer-policy', 'no-referrer, strict-origin'],
    ['strict-transport-security', 'includeSubDomains'],
    ['strict-transport-security', 'max-age=600; always'],
    ['x-content-type-options', 'sniff'],
  ])('refuses %s: %s, which CloudFront cannot send', (header, value) => {
    const build = () => securityHeadersPolicy({ [header]: value });

    expect(build).toThrow(`cannot express ${header}`);
  });
});
