import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { API_CORS } from '../../lib/api-cors.ts';
import { HelpdeskStack } from '../../lib/helpdesk-stack.ts';
import { loadTenantConfig } from '../../lib/tenant-config.ts';
import { APP_ROUTING_CODE } from '../../lib/web-hosting.ts';

/** Runs the CloudFront Function's code as CloudFront would, on one viewer request. */
const routeApps = new Function(`${APP_ROUTING_CODE}; return handler;`)() as (event: unknown) => any;

describe('WebHosting', () => {
  let stack: HelpdeskStack;
  let template: Template;
  let assemblyDir: string;
  const ref = (element: unknown) => ({ Ref: stack.getLogicalId(element as CfnElement) });
  const distributionDomain = () => ({
    'Fn::GetAtt': [stack.getLogicalId(stack.web.distribution.node.defaultChild as CfnElement), 'DomainName'],
  });
  const userPoolChild = (id: string) => stack.identity.userPool.node.findChild(id).node.defaultChild;
  const token = (value: unknown) => `{${JSON.stringify(value)}}`;
  const deploymentTo = (prefix: string) =>
    Object.values(template.findResources('Custom::CDKBucketDeployment')).find(
      ({ Properties }) => Properties.DestinationBucketKeyPrefix === prefix,
    )?.Properties;

  beforeAll(() => {
    const app = new App({ context: { ...cdkJson.context, tenant: 'acme', 'aws:cdk:bundling-stacks': [] } });
    stack = new HelpdeskStack(app, 'Helpdesk-acme', { config: loadTenantConfig(app) });
    template = Template.fromStack(stack);
    assemblyDir = app.synth().directory;
  });

  it('keeps its bucket private, encrypted and reachable over TLS only', () => {
    const bucket = template.toJSON().Resources[ref(stack.web.bucket.node.defaultChild).Ref];

    expect(bucket.Properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(stack.web.bucket.node.defaultChild),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('serves it through CloudFront with origin access control, redirecting http to https, with access logs', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [
          Match.objectLike({
            OriginAccessControlId: Match.anyValue(),
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
        ],
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: Match.anyValue(),
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
  });

  it('sends the security headers of web/security-headers.ts, with a strict CSP naming the hosted UI and the region\'s S3 for uploads', () => {
    const [policy] = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const headers = policy?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);

    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/connect-src 'self' https:\/\/\*\.execute-api\..*\.amazoncognito\.com https:\/\/\*\.s3\.[^;]*;/);
    expect(csp).toContain(JSON.stringify(ref(userPoolChild('Domain'))));
    expect(headers).toMatchObject({
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
    });
  });

  it("writes config.json at deploy time with this tenant's API and hosted UI", () => {
    const pages = deploymentTo('console/');
    const configZip = (pages?.SourceObjectKeys as string[]).find((_key, index) => Object.keys(pages?.SourceMarkers[index]).length > 0);
    const markers = pages?.SourceMarkers[(pages?.SourceObjectKeys as string[]).indexOf(configZip!)] as Record<string, unknown>;
    const file = readFileSync(join(assemblyDir, `asset.${configZip!.replace(/\.zip$/, '')}`, 'config.json'), 'utf8');

    // Each marker stands for a value CloudFormation resolves at deploy time: shown as {<its template JSON>}.
    const config = JSON.parse(file.replace(/<<marker:0xbaba:\d+>>/g, (marker) => JSON.stringify(token(markers[marker])).slice(1, -1)));

    const hostedUi = `https://${token(ref(userPoolChild('Domain')))}.auth.${token({ Ref: 'AWS::Region' })}.amazoncognito.com`;
    expect(config).toEqual({
      apiUrl: token({ 'Fn::GetAtt': [stack.getLogicalId(stack.api.api.node.defaultChild as CfnElement), 'ApiEndpoint'] }),
      auth: {
        authorizeUrl: `${hostedUi}/oauth2/authorize`,
        tokenUrl: `${hostedUi}/oauth2/token`,
        logoutUrl: `${hostedUi}/logout`,
        clientId: token(ref(userPoolChild('WebClient'))),
        scope: 'openid email profile',
      },
    });
  });

  it.each(['console', 'portal'])('deploys the %s with its index page and config.json revalidated, and its hashed assets cached for a year', (app) => {
    expect(deploymentTo(`${app}/`)).toMatchObject({ SystemMetadata: { 'cache-control': 'no-cache' }, Exclude: ['assets/*'] });
    expect(deploymentTo(`${app}/assets/`)).toMatchObject({
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      Prune: false,
    });
  });

  it('deploys the widget\'s script alone under widget/, without its source map, cached for five minutes and then revalidated', () => {
    const widget = deploymentTo('widget/');
    const [assetZip] = widget?.SourceObjectKeys as string[];

    expect(widget).toMatchObject({ SystemMetadata: { 'cache-control': 'public, max-age=300' } });
    expect(readdirSync(join(assemblyDir, `asset.${assetZip!.replace(/\.zip$/, '')}`))).toEqual(['helpdesk-widget.js']);
  });

  it("lets the hosted UI send agents back to the console, and the console call the API", () => {
    const consoleUrl = { 'Fn::Join': ['', ['https://', distributionDomain(), '/console/']] };

    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      CallbackURLs: Match.arrayWith([consoleUrl]),
      LogoutURLs: Match.arrayWith([consoleUrl]),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: Match.arrayWith([{ 'Fn::Join': ['', ['https://', distributionDomain()]] }]),
      }),
    });
  });

  it("answers the pages of other origins (the widget's) with the CORS the local runtime answers with, lib/api-cors.ts", () => {
    const [api] = Object.values(template.findResources('AWS::ApiGatewayV2::Api'));

    expect(api?.Properties.CorsConfiguration).toMatchObject({
      AllowMethods: [...API_CORS.allowMethods],
      AllowHeaders: [...API_CORS.allowHeaders],
      ExposeHeaders: [...API_CORS.exposeHeaders],
      MaxAge: API_CORS.maxAgeSeconds,
    });
  });

  it("outputs the console URL and the widget's script URL", () => {
    template.hasOutput('ConsoleUrl', {});
    template.hasOutput('WidgetUrl', { Value: { 'Fn::Join': ['', ['https://', distributionDomain(), '/widget/helpdesk-widget.js']] } });
  });
});

describe('the web apps routing function', () => {
  const request = (uri: string) => ({ request: { method: 'GET', uri, querystring: {}, headers: {} } });

  it.each([
    ['/console/', '/console/index.html'],
    ['/console/queues/to-assign', '/console/index.html'],
    ['/console/cases/01JABC', '/console/index.html'],
    ['/portal/', '/portal/index.html'],
    ['/portal/link', '/portal/index.html'],
  ])('serves the index page for %s', (uri, index) => {
    const result = routeApps(request(uri));

    expect(result.uri).toBe(index);
  });

  it.each(['/console/assets/index-abc.js', '/console/config.json', '/portal/assets/index-abc.js', '/widget/helpdesk-widget.js', '/widget/', '/favicon.ico', '/other/page'])(
    'leaves %s as it is',
    (uri) => {
      const result = routeApps(request(uri));

      expect(result.uri).toBe(uri);
    },
  );

  it.each([
    ['/', '/console/'],
    ['/console', '/console/'],
    ['/portal', '/portal/'],
  ])('redirects %s to %s', (uri, location) => {
    const result = routeApps(request(uri));

    expect(result).toMatchObject({ statusCode: 301, headers: { location: { value: location } } });
  });
});
