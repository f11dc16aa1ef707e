import * as z from 'zod';
import { IsoDateTimeSchema } from './case.ts';
import { LanguageSchema } from './templates.ts';
import { isTimeZone } from './tenant-settings.ts';

/** What an agent chose for their own console, kept on the server so it follows them to any browser. */
export const PreferencesInputSchema = z.strictObject({
  language: LanguageSchema.describe("the console's language"),
  timeZone: z.string().max(64).refine(isTimeZone, { message: 'an IANA time zone such as Europe/Warsaw' }).describe('dates in the console are shown in this zone'),
});
export type PreferencesInput = z.infer<typeof PreferencesInputSchema>;

export const PreferencesSchema = PreferencesInputSchema.extend({ updatedAt: IsoDateTimeSchema }).meta({ id: 'Preferences' });
export type Preferences = z.infer<typeof PreferencesSchema>;

export const PreferencesResponseSchema = z.object({
  preferences: PreferencesSchema.nullable().describe('null until the agent saves some: the console then follows the browser'),
});
