import { App, type CfnElement, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { HelpdeskStack } from '../../lib/helpdesk-stack.ts';
import { loadTenantConfig } from '../../lib/tenant-config.ts';

describe('HelpdeskStack', () => {
  it.each(Object.keys(cdkJson.context.tenants))('passes the AWS Solutions checks for the %s tenant', (tenant) => {
    const app = new App({ context: { ...cdkJson.context, tenant, 'aws:cdk:bundling-stacks': [] } });
    new HelpdeskStack(app, `Helpdesk-${tenant}`, { config: loadTenantConfig(app) });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    const synth = () => app.synth();

    expect(synth).not.toThrow();
  });

  it('sends every alarm and its recovery to the alarm topic', () => {
    const app = new App({ context: { ...cdkJson.context, tenant: 'acme', 'aws:cdk:bundling-stacks': [] } });
    const stack = new HelpdeskStack(app, 'Helpdesk-acme', { config: loadTenantConfig(app) });
    const topic = { Ref: stack.getLogicalId(stack.alarms.topic.node.defaultChild as CfnElement) };

    const alarms = Object.entries(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm'));

    expect(alarms.length).toBeGreaterThan(0);
    for (const [id, { Properties }] of alarms) {
      expect({ id, actions: Properties.AlarmActions, ok: Properties.OKActions }).toEqual({ id, actions: [topic], ok: [topic] });
    }
  });

  it.each(Object.keys(cdkJson.context.tenants))('has no circular references between resources for the %s tenant', (tenant) => {
    const app = new App({ context: { ...cdkJson.context, tenant, 'aws:cdk:bundling-stacks': [] } });
    const stack = new HelpdeskStack(app, `Helpdesk-${tenant}`, { config: loadTenantConfig(app) });
    const resources: Record<string, { DependsOn?: string | string[] }> = Template.fromStack(stack).toJSON().Resources;

    const cycle = findCycle(Object.fromEntries(Object.entries(resources).map(([id, resource]) => [id, referencesOf(resource)])));

    // CloudFormation refuses such a template only at deploy time; synth and cdk-nag pass it.
    expect(cycle).toBeUndefined();
  });
});

/** The logical ids a resource depends on: Ref, Fn::GetAtt, Fn::Sub's ${Id} and ${Id.Attr}, and DependsOn. */
function referencesOf(resource: { DependsOn?: string | string[] }): Set<string> {
  const found = new Set([resource.DependsOn ?? []].flat());
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'Ref' && typeof value === 'string') found.add(value);
      else if (key === 'Fn::GetAtt') found.add(Array.isArray(value) ? value[0] : String(value).split('.')[0]);
      else if (key === 'Fn::Sub') {
        const text = Array.isArray(value) ? value[0] : value;
        for (const [, id] of String(text).matchAll(/\$\{([^}.!]+)/g)) found.add(id!);
      }
      visit(value);
    }
  };
  visit(resource);
  return found;
}

/** One cycle of the graph as a path of ids, if it has any. */
function findCycle(graph: Record<string, Set<string>>): string[] | undefined {
  const done = new Set<string>();
  const walk = (id: string, path: string[]): string[] | undefined => {
    if (path.includes(id)) return [...path.slice(path.indexOf(id)), id];
    if (done.has(id) || !graph[id]) return undefined;
    for (const next of graph[id]) {
      const cycle = walk(next, [...path, id]);
      if (cycle) return cycle;
    }
    done.add(id);
    return undefined;
  };
  for (const id of Object.keys(graph)) {
    const cycle = walk(id, []);
    if (cycle) return cycle;
  }
  return undefined;
}
