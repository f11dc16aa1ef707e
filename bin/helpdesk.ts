import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { HelpdeskStack } from '../lib/helpdesk-stack.ts';
import { MailAccountStack } from '../lib/mail-account-stack.ts';
import { loadTenantConfig, type TenantConfig } from '../lib/tenant-config.ts';

const app = new App();

let config: TenantConfig;
try {
  config = loadTenantConfig(app);
} catch (error) {
  // The message names every bad field; a stack trace would only bury it.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const stack = new HelpdeskStack(app, `Helpdesk-${config.name}`, {
  config,
  description: `Helpdesk case engine for tenant ${config.name}`,
});
Tags.of(stack).add('tenant', config.name);
// Once per account and region, whichever tenant is chosen: `npx cdk deploy HelpdeskMailAccount`.
new MailAccountStack(app, 'HelpdeskMailAccount', {
  description: 'Helpdesk mail channel: the SES receipt rule set every tenant adds its rule to',
});
// Any unacknowledged finding fails the synth: acknowledgements live next to the resource they excuse.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
