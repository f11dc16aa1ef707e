import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { HelpdeskStack } from '../../lib/helpdesk-stack.ts';
import { loadTenantConfig } from '../../lib/tenant-config.ts';

describe('Identity', () => {
  let template: Template;

  beforeAll(() => {
    const app = new App({ context: { ...cdkJson.context, tenant: 'acme', 'aws:cdk:bundling-stacks': [] } });
    template = Template.fromStack(new HelpdeskStack(app, 'Helpdesk-acme', { config: loadTenantConfig(app) }));
  });

  it('is a user pool only admins add people to, kept when the stack goes', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        DeletionProtection: 'ACTIVE',
        MfaConfiguration: 'OPTIONAL',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
      }),
    });
  });

  it('has the groups the handlers map to roles', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map(
      ({ Properties }) => Properties.GroupName,
    );

    expect(groups.sort()).toEqual(['admins', 'agents', 'robots']);
  });

  it('defines the helpdesk/robot scope', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'helpdesk',
      Scopes: [Match.objectLike({ ScopeName: 'robot' })],
    });
  });

  it('lets the web client sign staff in with the code flow, without a secret', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: Match.arrayWith(['openid']),
      CallbackURLs: [
        'https://support.acme.example/callback',
        'http://localhost:3000/',
        { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebDistribution'), 'DomainName'] }, '/console/']] },
      ],
    });
  });

  it('lets robots get a token with client credentials for the robot scope only', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: [{ 'Fn::Join': ['', [{ Ref: Match.anyValue() }, '/robot']] }],
    });
  });

  it('hosts the OAuth endpoints on the tenant domain', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'helpdesk-acme' });
  });

  it.each(['IssuerUrl', 'WebClientId', 'RobotClientId', 'UserPoolId', 'AuthBaseUrl'])('outputs %s', (name) => {
    template.hasOutput(name, {});
  });
});
