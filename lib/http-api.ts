import { type CfnElement, CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  LogGroupLogDestination,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type Route, ROUTE_GROUPS, routeKey, routes, type RouteGroup } from '../functions/routes.ts';
import { API_CORS } from './api-cors.ts';
import type { CustomerIdentity } from './customer-identity.ts';
import { HandlerFunction } from './handler-function.ts';

type TableAccess = (typeof ROUTE_GROUPS)[RouteGroup]['access'];

export interface HelpdeskApiProps {
  readonly table: TableV2;
  /** Its `agents` group is the agent directory the groups marked `agentDirectory` list. */
  readonly userPool: IUserPool;
  /** Customers' pool: the groups marked `customerAccounts` manage its users. */
  readonly customerIdentity: CustomerIdentity;
  /** Passed to every function next to TABLE_NAME. */
  readonly environment: Record<string, string>;
  readonly jwtIssuer: string;
  /** Client ids whose tokens the API accepts. */
  readonly jwtAudience: readonly string[];
  /** Browser origins of the web client. */
  readonly corsOrigins: readonly string[];
  readonly throttle: ThrottleSettings;
  readonly logRetention: RetentionDays;
}

/** JSON, so Logs Insights reads every field; the token's subject and client say who called. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    sourceIp: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    subject: '$context.authorizer.claims.sub',
    clientId: '$context.authorizer.claims.client_id',
  }),
);

/**
 * The HTTP API, built from the route table: one function per route group, one route per entry.
 * The JWT authorizer only proves who the caller is; each handler checks the route's roles.
 */
export class HelpdeskApi extends Construct {
  public readonly api: HttpApi;
  public readonly functions: Record<RouteGroup, HandlerFunction>;
  public readonly url: string;

  constructor(scope: Construct, id: string, props: HelpdeskApiProps) {
    super(scope, id);

    const routeList = Object.entries(routes);

    this.api = new HttpApi(this, 'Api', {
      apiName: Stack.of(this).stackName,
      description: 'Helpdesk case engine',
      // Our own $default stage below, so it gets access logs and throttling.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.corsOrigins],
        allowMethods: API_CORS.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...API_CORS.allowHeaders],
        exposeHeaders: [...API_CORS.exposeHeaders],
        maxAge: Duration.seconds(API_CORS.maxAgeSeconds),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    const stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
    this.url = stage.url;
    // Per-route limits below the stage's (functions/routes.ts `throttle`): the public routes.
    const routeSettings = Object.fromEntries(
      routeList
        .filter(([, route]) => (route as Route).throttle)
        .map(([, route]) => {
          const { rate, burst } = (route as Route).throttle!;
          return [routeKey(route), { ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst }];
        }),
    );
    (stage.node.defaultChild as CfnStage).addPropertyOverride('RouteSettings', routeSettings);

    const grants: Record<TableAccess, (handler: HandlerFunction) => void> = {
      'read-write': (handler) => {
        props.table.grantReadWriteData(handler.function);
        Validations.of(handler).acknowledge({
          id: indexWildcardFinding(props.table),
          reason:
            'The grant covers the GSIs the queue and customer queries read, as <table ARN>/index/*: ' +
            'the wildcard names only indexes of this one table.',
        });
      },
      none: () => {},
    };
    const environment = { ...props.environment, TABLE_NAME: props.table.tableName };
    this.functions = Object.fromEntries(
      Object.entries(ROUTE_GROUPS).map(([group, { access, agentDirectory, customerAccounts, description }]) => {
        const handler = new HandlerFunction(this, group, {
          entry: `functions/entries/${group}.ts`,
          description,
          serviceName: `helpdesk-${group}`,
          environment: {
            ...environment,
            ...(agentDirectory ? { USER_POOL_ID: props.userPool.userPoolId } : {}),
            ...(customerAccounts ? { CUSTOMER_POOL_ID: props.customerIdentity.userPool.userPoolId } : {}),
          },
          logRetention: props.logRetention,
        });
        grants[access](handler);
        // Listing the agents group is all the directory needs: no user is read or changed one by one.
        if (agentDirectory) props.userPool.grant(handler.function, 'cognito-idp:ListUsersInGroup');
        if (customerAccounts) props.customerIdentity.grantAccounts(handler.function);
        return [group, handler];
      }),
    ) as Record<RouteGroup, HandlerFunction>;

    const integrations = Object.fromEntries(
      Object.entries(this.functions).map(([group, handler]) => [
        group,
        new HttpLambdaIntegration(`${group}-integration`, handler.function),
      ]),
    ) as Record<RouteGroup, HttpLambdaIntegration>;
    const authorizer = new HttpJwtAuthorizer('Jwt', props.jwtIssuer, { jwtAudience: [...props.jwtAudience] });
    // Customers' routes take only the customer pool's tokens (and staff routes only the staff pool's).
    const customerAuthorizer = new HttpJwtAuthorizer('CustomerJwt', props.customerIdentity.issuerUrl, {
      jwtAudience: [props.customerIdentity.portalClientId],
    });
    for (const [routeId, route] of routeList) {
      const httpRoute = new HttpRoute(this, routeId, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: integrations[route.group],
        authorizer: route.auth === 'public' ? new HttpNoneAuthorizer() : route.auth === 'customer' ? customerAuthorizer : authorizer,
      });
      if (route.auth === 'public') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            `${routeKey(route)} is public by design in functions/routes.ts ("${route.summary}"); ` +
            `its ${route.group} function has table access '${ROUTE_GROUPS[route.group].access}'.`,
        });
      }
    }

    // A plain output name, for scripts that read the stack's outputs.
    new CfnOutput(this, 'Url', { value: this.url }).overrideLogicalId('ApiUrl');
  }
}

/** cdk-nag names a finding after the template reference it saw: `<LogicalId.Arn>`. */
function indexWildcardFinding(table: TableV2): string {
  const logicalId = Stack.of(table).getLogicalId(table.node.defaultChild as CfnElement);
  return `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/index/*]`;
}
