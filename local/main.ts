import { parseArgs } from 'node:util';
import { startLocalHelpdesk } from './start.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4000' },
    'smtp-port': { type: 'string', default: '2525' },
    /** The local SES endpoint (its /outbox lists sent mail); a free port when not given. */
    'ses-port': { type: 'string' },
    /** The demo tenant site with the widget, on 127.0.0.1; a free port when not given. */
    'demo-port': { type: 'string' },
    'data-dir': { type: 'string', default: '.local' },
    'in-memory': { type: 'boolean', default: false },
    tenant: { type: 'string', default: 'demo' },
    'time-scale': { type: 'string', default: '1' },
  },
});

const timeScale = Number(values['time-scale']);
if (!(timeScale > 0 && timeScale <= 1)) {
  console.error('--time-scale must be a number in (0, 1], e.g. 0.001 to make a day last 86 seconds');
  process.exit(2);
}

try {
  const helpdesk = await startLocalHelpdesk({
    port: Number(values.port),
    smtpPort: Number(values['smtp-port']),
    ...(values['ses-port'] ? { sesPort: Number(values['ses-port']) } : {}),
    ...(values['demo-port'] ? { demoPort: Number(values['demo-port']) } : {}),
    tenant: values.tenant,
    timeScale,
    ...(values['in-memory'] ? {} : { dataDir: values['data-dir'] }),
  });
  const lines = [
    `Helpdesk for tenant '${values.tenant}' is running.`,
    `  Console    ${helpdesk.url}/console/ (sign in as one of the local agents)`,
    `  Demo site  ${helpdesk.demoSiteUrl} (Acme shop: a tenant's page on another origin, with the widget; --demo-port)`,
    `  API        ${helpdesk.url}`,
    `  OpenAPI    ${helpdesk.url}/openapi.json`,
    `  Health     ${helpdesk.url}/health (DynamoDB Local is restarted if it dies)`,
    `  SMTP in    smtp://127.0.0.1:${helpdesk.mail.smtpPort} for ${helpdesk.mail.mailboxes.join(', ')} (--smtp-port)`,
    `  Outbox     ${helpdesk.outbox.url} (mail sent through the local SES, as .eml files in ${helpdesk.outbox.dir})`,
    `  S3         ${helpdesk.s3.endpoint} (path-style; objects kept in ${helpdesk.s3.dir})`,
    `  DynamoDB   ${helpdesk.dynamoDbEndpoint} (table ${helpdesk.tableName})`,
    `  Timers     ${values['time-scale'] === '1' ? 'real time' : `${values['time-scale']}× real time (--time-scale)`}; pending ones resume after a restart`,
    values['in-memory']
      ? '  Data       in memory: gone when you stop'
      : `  Data       ${values['data-dir']}/ (kept across restarts; --in-memory to discard)`,
    '',
    'Tokens (valid 30 days); paste into your shell:',
    ...Object.entries(helpdesk.tokens).map(([name, token]) => `  export ${name.toUpperCase()}_TOKEN=${token}`),
    `  export API=${helpdesk.url}`,
    `  export OUTBOX=${helpdesk.outbox.url}`,
    `  export SMTP=smtp://127.0.0.1:${helpdesk.mail.smtpPort}`,
    '',
    'Ctrl+C stops it.',
  ];
  console.log(lines.join('\n'));
  const stop = () => void helpdesk.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
