/** Where the apps connect besides their own origin; '' for one that is the app's own. */
export interface WebOrigins {
  api: string;
  /** The token endpoint of the sign-in (Cognito's hosted UI). */
  signIn: string;
  /** Where files are uploaded to through presigned URLs (the mail bucket). */
  storage: string;
  /** Cognito's API, where the portal signs customers in. */
  customerSignIn: string;
}

/**
 * The headers every web app is served with: locally by the runtime, in the cloud by the CloudFront
 * response headers policy. The CSP allows scripts only from the app's own origin, so a script in an
 * inbound mail cannot run even if it escaped the sandboxed frame it is shown in.
 */
export function webSecurityHeaders(origins: WebOrigins): Record<string, string> {
  const { api, signIn, storage, customerSignIn } = origins;
  const connect = [...new Set(["'self'", api, signIn, storage, customerSignIn].filter((origin) => origin !== ''))].join(' ');
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src ${connect}`,
      "frame-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      `form-action 'self' ${signIn}`.trim(),
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'strict-transport-security': 'max-age=63072000; includeSubDomains',
  };
}
