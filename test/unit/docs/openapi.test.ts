import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../functions/docs/openapi-document.ts';
import { type Route, routes } from '../../../functions/routes.ts';

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument();

  it('has an operation for every route, with its schemas', () => {
    for (const [operationId, route] of Object.entries(routes) as [string, Route][]) {
      const operation = document.paths?.[route.path]?.[route.method.toLowerCase() as 'get'];
      expect(operation?.operationId, `${route.method} ${route.path}`).toBe(operationId);
      if (route.body) expect(operation?.requestBody).toBeDefined();
    }
  });

  it('is what docs/openapi.json holds (run `npm run openapi` after changing a route or schema)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'));

    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
