import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { ROUTE_GROUPS, type RouteGroup, routeKey, routes } from '../../functions/routes.ts';
import { HelpdeskStack } from '../../lib/helpdesk-stack.ts';
import { loadTenantConfig } from '../../lib/tenant-config.ts';
import type { IConstruct } from 'constructs';

interface Statement {
  Action: string | string[];
  Resource?: unknown;
}

const routeList = Object.values(routes);
const groups = Object.keys(ROUTE_GROUPS) as RouteGroup[];

describe('HelpdeskApi', () => {
  let stack: HelpdeskStack;
  let template: Template;
  const logicalId = (element: unknown) => stack.getLogicalId(element as CfnElement);
  const templateRoutes = () => Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
  const routeNamed = (key: string) => templateRoutes().find(({ Properties }) => Properties.RouteKey === key);
  const functionId = (group: RouteGroup) => logicalId(stack.api.functions[group].function.node.defaultChild);
  const statementsOf = (group: RouteGroup) => {
    const role = logicalId(stack.api.functions[group].function.role?.node.defaultChild);
    return Object.values(template.findResources('AWS::IAM::Policy'))
      .filter(({ Properties }) => JSON.stringify(Properties.Roles).includes(`"${role}"`))
      .flatMap(({ Properties }) => Properties.PolicyDocument.Statement as Statement[]);
  };
  const actionsOf = (group: RouteGroup) => statementsOf(group).flatMap((statement) => statement.Action);
  const environmentOf = (group: RouteGroup) =>
    template.findResources('AWS::Lambda::Function')[functionId(group)]?.Properties.Environment.Variables as Record<string, unknown>;

  beforeAll(() => {
    const app = new App({ context: { ...cdkJson.context, tenant: 'acme', 'aws:cdk:bundling-stacks': [] } });
    stack = new HelpdeskStack(app, 'Helpdesk-acme', { config: loadTenantConfig(app) });
    template = Template.fromStack(stack);
  });

  it('has exactly one route per entry of the route table', () => {
    const keys = templateRoutes().map(({ Properties }) => Properties.RouteKey);

    expect(keys.sort()).toEqual(routeList.map(routeKey).sort());
  });

  it.each(routeList.map((route) => [routeKey(route), route] as const))(
    'authorises %s as the route table says',
    (key, route) => {
      const found = routeNamed(key);

      if (route.auth === 'public') {
        expect(found?.Properties.AuthorizationType).toBe('NONE');
        expect(found?.Properties.AuthorizerId).toBeUndefined();
      } else {
        expect(found?.Properties.AuthorizationType).toBe('JWT');
        expect(found?.Properties.AuthorizerId).toEqual({ Ref: authorizerOf(route.auth === 'customer' ? stack.customerIdentity.userPool : stack.identity.userPool) });
      }
    },
  );

  it.each(routeList.map((route) => [routeKey(route), route.group] as const))(
    'sends %s to the %s function',
    (key, group) => {
      const integrationId = routeNamed(key)?.Properties.Target['Fn::Join'][1][1].Ref;

      const integration = template.findResources('AWS::ApiGatewayV2::Integration')[integrationId];

      expect(integration?.Properties.IntegrationUri).toEqual({ 'Fn::GetAtt': [functionId(group), 'Arn'] });
    },
  );

  /** The JWT authorizer whose issuer is this pool's. */
  const authorizerOf = (pool: IConstruct) =>
    Object.entries(template.findResources('AWS::ApiGatewayV2::Authorizer')).find(
      ([, { Properties }]) => Properties.JwtConfiguration.Issuer['Fn::GetAtt'][0] === logicalId(pool.node.defaultChild),
    )?.[0];

  it("takes only the customer pool's portal client on the customers' routes", () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: {
        Issuer: { 'Fn::GetAtt': [logicalId(stack.customerIdentity.userPool.node.defaultChild), 'ProviderURL'] },
        Audience: [{ Ref: Match.stringLikeRegexp('PortalClient') }],
      },
    });
    expect(routeList.filter((route) => route.auth === 'customer').map(routeKey)).toContain('GET /my/cases');
  });

  it('accepts JWTs from the user pool for both app clients', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: { 'Fn::GetAtt': [logicalId(stack.identity.userPool.node.defaultChild), 'ProviderURL'] },
        Audience: Match.arrayWith([{ Ref: Match.stringLikeRegexp('WebClient') }, { Ref: Match.stringLikeRegexp('RobotClient') }]),
      },
    });
  });

  it('has one function per route group', () => {
    const integrations = Object.values(template.findResources('AWS::ApiGatewayV2::Integration'));

    const targets = new Set(integrations.map(({ Properties }) => Properties.IntegrationUri['Fn::GetAtt'][0]));

    expect([...targets].sort()).toEqual(groups.map(functionId).sort());
  });

  it.each(groups.filter((group) => ROUTE_GROUPS[group].access === 'none'))(
    'grants the %s function no DynamoDB action',
    (group) => {
      const actions = actionsOf(group);

      expect(actions.filter((action) => action.startsWith('dynamodb:'))).toEqual([]);
    },
  );

  it.each(groups.filter((group) => ROUTE_GROUPS[group].access === 'read-write'))(
    'lets the %s function read and write items',
    (group) => {
      const actions = actionsOf(group);

      expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
    },
  );

  it.each(groups.filter((group) => ROUTE_GROUPS[group].agentDirectory))(
    'gives the %s function the user pool id and lets it list users in a group of that pool, nothing else of it',
    (group) => {
      const pool = logicalId(stack.identity.userPool.node.defaultChild);

      const cognito = statementsOf(group).filter((statement) => JSON.stringify(statement.Resource).includes(pool));

      expect(environmentOf(group).USER_POOL_ID).toEqual({ Ref: pool });
      expect(cognito).toEqual([expect.objectContaining({ Action: 'cognito-idp:ListUsersInGroup', Effect: 'Allow', Resource: { 'Fn::GetAtt': [pool, 'Arn'] } })]);
    },
  );

  it.each(groups.filter((group) => !ROUTE_GROUPS[group].agentDirectory))('gives the %s function no agent directory', (group) => {
    const actions = actionsOf(group);

    expect(environmentOf(group)).not.toHaveProperty('USER_POOL_ID');
    expect(actions).not.toContain('cognito-idp:ListUsersInGroup');
  });

  it.each(groups.filter((group) => ROUTE_GROUPS[group].customerAccounts))(
    "gives the %s function the customer pool's id and lets it create, set the password and address of, and delete that pool's users, nothing else of it",
    (group) => {
      const pool = logicalId(stack.customerIdentity.userPool.node.defaultChild);

      const cognito = statementsOf(group).filter((statement) => JSON.stringify(statement.Resource).includes(pool));

      expect(environmentOf(group).CUSTOMER_POOL_ID).toEqual({ Ref: pool });
      expect(cognito).toEqual([
        expect.objectContaining({
          Action: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDeleteUser', 'cognito-idp:AdminSetUserPassword', 'cognito-idp:AdminUpdateUserAttributes'],
          Resource: { 'Fn::GetAtt': [pool, 'Arn'] },
        }),
      ]);
    },
  );

  it.each(groups.filter((group) => !ROUTE_GROUPS[group].customerAccounts))('gives the %s function no customer accounts', (group) => {
    expect(environmentOf(group)).not.toHaveProperty('CUSTOMER_POOL_ID');
    expect(actionsOf(group).filter((action) => action.startsWith('cognito-idp:Admin'))).toEqual([]);
  });

  it('logs every request on the default stage and throttles it', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('AccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
    });
  });

  it("allows the web clients' origins, the console's included, to call it from a browser", () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [
          'https://support.acme.example',
          'http://localhost:3000',
          { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebDistribution'), 'DomainName'] }]] },
        ],
      }),
    });
  });

  it('outputs its URL', () => {
    template.hasOutput('ApiUrl', {});
  });
  it('lets exactly the groups that make or check public links read the link secret, and tells them where it is', () => {
    const secret = logicalId(stack.node.findChild('CaseLinks').node.findChild('Secret').node.defaultChild);
    const reading = groups.filter((group) => JSON.stringify(statementsOf(group)).includes(`"${secret}"`));

    expect(reading).toEqual(groups.filter((group) => ROUTE_GROUPS[group].caseLinks));
    for (const group of reading) expect(environmentOf(group).CASE_LINK_SECRET_ARN).toEqual({ Ref: secret });
    for (const group of groups.filter((g) => !ROUTE_GROUPS[g].caseLinks)) expect(environmentOf(group).CASE_LINK_SECRET_ARN).toBeUndefined();
  });

  it('throttles each public route below the stage, as the route table says', () => {
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    const throttled = routeList.filter((route) => 'throttle' in route);

    expect(throttled.map((route) => routeKey(route))).toEqual([
      'GET /public/case',
      'GET /public/case/entries/{seq}/files/{index}',
      'POST /public/case/comments',
      'POST /public/intake',
      'POST /public/intake/uploads',
      'GET /public/activation',
      'POST /public/activation',
      'POST /public/activation/resend',
      'POST /public/email-change',
    ]);
    expect(stage?.Properties.RouteSettings).toEqual(
      Object.fromEntries(throttled.map((route) => [routeKey(route), { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 }])),
    );
  });

  it('lets browsers send the one-time link tokens the public routes read (X-Case-Link, X-Activation-Token, X-Confirmation-Token) across origins', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowHeaders: Match.arrayWith(['X-Case-Link', 'X-Activation-Token', 'X-Confirmation-Token']) }),
    });
  });
});
