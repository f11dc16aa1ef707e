import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { type DefaultTemplatePurpose, type Language, type StoredTemplate, StoredTemplateSchema, type Template } from '../domain/templates.ts';
import { decodeCursor, encodeCursor, type Listing } from './cursor.ts';
import { keys } from './keys.ts';
import { type GuardedWrite, transact } from './transaction.ts';

type Item = Record<string, unknown>;

const LISTING: Listing = { scope: 'templates', fixed: { pk: keys.templatePartition }, varying: { sk: /^TEMPLATE#[a-z0-9_-]{1,64}$/ } };

// `kind` is the item's type across the table (stream consumers filter on it), so the template's
// own kind is kept under another name.
function templateToItem(template: StoredTemplate): Item {
  const { kind, ...rest } = template;
  return { ...keys.template(template.id), kind: 'template', templateKind: kind, ...rest };
}

const FIELDS = Object.keys(StoredTemplateSchema.shape) as (keyof StoredTemplate)[];

/** Fields in schema order (DynamoDB returns attributes in no particular order), absent ones left out. */
function itemToTemplate(item: Item): StoredTemplate {
  const fields: Item = { ...item, kind: item.templateKind };
  return Object.fromEntries(FIELDS.filter((field) => fields[field] !== undefined).map((field) => [field, fields[field]])) as StoredTemplate;
}

/**
 * The tenant's reply, note and notification templates, in one item collection. A create is
 * conditional on the id being free and every other write on the version the caller saw; a purpose
 * (say the English acknowledgement) names at most one template through an alias item written in
 * the same transaction, as customer e-mails do.
 */
export class TemplateStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** A page of templates in id order; one strongly consistent Query, so a template saved a moment ago is in it. */
  async list(page: { limit: number; cursor?: string }): Promise<{ items: StoredTemplate[]; nextCursor: string | null }> {
    const { Items, LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.templatePartition },
        ConsistentRead: true,
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(LISTING, page.cursor),
      }),
    );
    return { items: (Items ?? []).map(itemToTemplate), nextCursor: encodeCursor(LISTING, LastEvaluatedKey) };
  }

  /** @throws NotFoundError */
  async get(templateId: string): Promise<StoredTemplate> {
    const template = await this.find(templateId);
    if (!template) throw new NotFoundError(`template ${templateId} not found`);
    return template;
  }

  /**
   * Creates the template (`expectedVersion` null) or replaces the one at `expectedVersion`, moving
   * its purpose alias along. Returns it with its new version.
   * @throws ConflictError when it exists (create), changed since (update), or another template has its purpose
   * @throws NotFoundError on an update of a template that does not exist
   */
  async put(template: Template, expectedVersion: number | null): Promise<StoredTemplate> {
    const current = expectedVersion === null ? null : await this.get(template.id);
    const next: StoredTemplate = { ...template, version: (expectedVersion ?? 0) + 1 };
    // The template's own write goes first: when it is stale, that is the error to report.
    const writes: GuardedWrite[] = [
      expectedVersion === null
        ? {
            item: { Put: { TableName: this.tableName, Item: templateToItem(next), ConditionExpression: 'attribute_not_exists(pk)' } },
            onConditionFailed: () =>
              new ConflictError(`template ${template.id} already exists; send its ETag in If-Match to change it`, 'template_exists'),
          }
        : {
            item: {
              Put: {
                TableName: this.tableName,
                Item: templateToItem(next),
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': expectedVersion },
              },
            },
            onConditionFailed: (existing) =>
              existing
                ? new ConflictError(`template ${template.id} is at version ${String(existing.version)}, not ${expectedVersion}`)
                : new NotFoundError(`template ${template.id} not found`),
          },
      ...this.purposeWrites(current, next),
    ];
    await transact(this.client, writes);
    return next;
  }

  /**
   * Deletes the template at `expectedVersion`, or at whatever version it is when that is null,
   * with its purpose alias. Returns what was deleted.
   * @throws NotFoundError, ConflictError
   */
  async delete(templateId: string, expectedVersion: number | null): Promise<StoredTemplate> {
    const current = await this.get(templateId);
    const version = expectedVersion ?? current.version;
    const writes: GuardedWrite[] = [
      {
        item: {
          Delete: {
            TableName: this.tableName,
            Key: keys.template(templateId),
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': version },
          },
        },
        onConditionFailed: () => new ConflictError(`template ${templateId} is no longer at version ${version}`),
      },
      ...this.purposeWrites(current, null),
    ];
    await transact(this.client, writes);
    return current;
  }

  /** The tenant's own template for a purpose in a language; null when it has none (use `defaultTemplate`). */
  async forPurpose(purpose: DefaultTemplatePurpose, language: Language): Promise<StoredTemplate | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.templatePurpose(purpose, language) }));
    return Item ? this.find(String(Item.templateId)) : null;
  }

  private async find(templateId: string): Promise<StoredTemplate | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.template(templateId), ConsistentRead: true }));
    return Item ? itemToTemplate(Item) : null;
  }

  /** Claims the purpose `next` serves and releases the one `current` served, when they differ. */
  private purposeWrites(current: StoredTemplate | null, next: StoredTemplate | null): GuardedWrite[] {
    const aliasOf = (t: StoredTemplate | null) => (t?.purpose ? keys.templatePurpose(t.purpose, t.language) : null);
    const claimed = aliasOf(next);
    const released = aliasOf(current);
    const writes: GuardedWrite[] = [];
    if (next && claimed) {
      writes.push({
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...claimed, kind: 'template-purpose', templateId: next.id },
            ConditionExpression: 'attribute_not_exists(pk) OR templateId = :id',
            ExpressionAttributeValues: { ':id': next.id },
          },
        },
        onConditionFailed: (existing) =>
          new ConflictError(
            `template ${String(existing?.templateId)} is already the ${next.purpose} template in ${next.language}`,
            'template_purpose_taken',
          ),
      });
    }
    if (current && released && released.pk !== claimed?.pk) {
      writes.push({
        item: {
          Delete: {
            TableName: this.tableName,
            Key: released,
            ConditionExpression: 'templateId = :id',
            ExpressionAttributeValues: { ':id': current.id },
          },
        },
        onConditionFailed: () => new ConflictError(`template ${current.id} changed meanwhile; reload and retry`),
      });
    }
    return writes;
  }
}
