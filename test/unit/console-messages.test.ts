import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../web/console/messages.ts';

describe('the console in Polish and English', () => {
  it('has every message in both languages', () => {
    expect(Object.keys(MESSAGES.pl).sort()).toEqual(Object.keys(MESSAGES.en).sort());
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of Object.entries(MESSAGES.en)) {
      expect(placeholders(MESSAGES.pl[key]!), key).toEqual(placeholders(english));
    }
  });

  it('leaves no message empty', () => {
    for (const messages of Object.values(MESSAGES)) {
      expect(Object.entries(messages).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });
});
