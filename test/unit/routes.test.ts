import { describe, expect, it } from 'vitest';
import * as caseCommands from '../../functions/entries/case-commands.ts';
import * as caseQueries from '../../functions/entries/case-queries.ts';
import * as customers from '../../functions/entries/customers.ts';
import * as docs from '../../functions/entries/docs.ts';
import * as intake from '../../functions/entries/intake.ts';
import * as portal from '../../functions/entries/portal.ts';
import * as publicSide from '../../functions/entries/public.ts';
import * as robots from '../../functions/entries/robots.ts';
import * as templates from '../../functions/entries/templates.ts';
import { type Route, ROUTE_GROUPS, routeKey, routes } from '../../functions/routes.ts';

const entries = { 'case-commands': caseCommands, 'case-queries': caseQueries, customers, docs, intake, portal, public: publicSide, robots, templates };

describe('the route table', () => {
  it('has one entry module per route group', () => {
    expect(Object.keys(entries).sort()).toEqual(Object.keys(ROUTE_GROUPS).sort());
  });

  it.each(Object.entries(entries))('%s serves exactly the routes of its group', (group, entry) => {
    const served = entry.routeHandlers.map((h) => routeKey(h.route)).sort();
    const declared = (Object.values(routes) as Route[]).filter((r) => r.group === group).map(routeKey).sort();

    expect(served).toEqual(declared);
  });

  it('has no two routes with the same method and path', () => {
    const keys = (Object.values(routes) as Route[]).map(routeKey);

    expect(new Set(keys).size).toBe(keys.length);
  });
});
