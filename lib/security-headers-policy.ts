import { Duration } from 'aws-cdk-lib';
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type ResponseCustomHeader,
  type ResponseHeadersPolicyProps,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';

type SecurityHeaders = Pick<ResponseHeadersPolicyProps, 'securityHeadersBehavior' | 'customHeadersBehavior'>;

/**
 * CloudFront takes these only as typed settings, not as custom headers, so each is parsed back from the value
 * `webSecurityHeaders()` gives it. `override`: the policy's value wins over anything the origin sends.
 */
const SECURITY_HEADERS: Record<string, (value: string) => ResponseSecurityHeadersBehavior> = {
  'content-security-policy': (value) => ({ contentSecurityPolicy: { contentSecurityPolicy: value, override: true } }),
  'x-content-type-options': (value) => {
    expressible(value.toLowerCase() === 'nosniff', 'x-content-type-options', value);
    return { contentTypeOptions: { override: true } };
  },
  'x-frame-options': (value) => ({
    frameOptions: { frameOption: oneOf(HeadersFrameOption, value.toUpperCase(), 'x-frame-options'), override: true },
  }),
  'referrer-policy': (value) => ({
    referrerPolicy: { referrerPolicy: oneOf(HeadersReferrerPolicy, value.toLowerCase(), 'referrer-policy'), override: true },
  }),
  'strict-transport-security': (value) => ({ strictTransportSecurity: { ...strictTransportSecurity(value), override: true } }),
};

/**
 * The response headers policy settings that serve exactly the given headers (those of `webSecurityHeaders()`),
 * so CloudFront and the local runtime send the same ones. A value CloudFront cannot express fails the synth
 * rather than serving something else.
 */
export function securityHeadersPolicy(headers: Record<string, string>): SecurityHeaders {
  let securityHeadersBehavior: ResponseSecurityHeadersBehavior = {};
  const customHeaders: ResponseCustomHeader[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const parse = SECURITY_HEADERS[name.toLowerCase()];
    if (parse) securityHeadersBehavior = { ...securityHeadersBehavior, ...parse(value) };
    else customHeaders.push({ header: name, value, override: true });
  }
  return {
    securityHeadersBehavior,
    ...(customHeaders.length > 0 && { customHeadersBehavior: { customHeaders } }),
  };
}

function strictTransportSecurity(value: string) {
  const directives = value.split(';').map((directive) => directive.trim().toLowerCase()).filter(Boolean);
  const maxAge = directives.map((directive) => /^max-age=(\d+)$/.exec(directive)?.[1]).find(Boolean);
  const known = directives.every((directive) => /^(max-age=\d+|includesubdomains|preload)$/.test(directive));
  expressible(maxAge !== undefined && known, 'strict-transport-security', value);
  return {
    accessControlMaxAge: Duration.seconds(Number(maxAge)),
    includeSubdomains: directives.includes('includesubdomains'),
    preload: directives.includes('preload'),
  };
}

function oneOf<T extends string>(allowed: Record<string, T>, value: string, header: string): T {
  const found = Object.values(allowed).find((option) => option === value);
  expressible(found !== undefined, header, value);
  return found;
}

function expressible(condition: boolean, header: string, value: string): asserts condition {
  if (!condition) throw new Error(`CloudFront's response headers policy cannot express ${header}: ${value}`);
}
