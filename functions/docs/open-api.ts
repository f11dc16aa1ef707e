import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { buildOpenApiDocument } from './openapi-document.ts';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const openApi = defineHandler(routes.openApi, async () => {
  document ??= buildOpenApiDocument();
  return { status: 200, body: document };
});
