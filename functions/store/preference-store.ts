import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Preferences } from '../domain/preferences.ts';
import { keys } from './keys.ts';

/** An agent's console preferences: one small item each, written only by that agent. */
export class PreferenceStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(agentId: string): Promise<Preferences | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.preferences(agentId) }));
    if (!Item) return null;
    return { language: Item.language, timeZone: Item.timeZone, updatedAt: Item.updatedAt } as Preferences;
  }

  /** The last save wins: only the agent writes their own, so there is nobody to conflict with. */
  async put(agentId: string, preferences: Preferences): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.preferences(agentId), kind: 'preferences', ...preferences } }),
    );
  }
}
