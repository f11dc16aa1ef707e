import { describe, expect, it } from 'vitest';
import { CaseLinks } from '../../../functions/shared/case-links.ts';
import { CASE_ID } from '../../fixtures/cases.ts';

const links = new CaseLinks(Buffer.from('one tenant secret, long enough to sign links'), 'https://acme.example/portal/');
const c = { id: CASE_ID, linkGeneration: 3 };

describe('CaseLinks', () => {
  it('makes a token that names the case and generation back, 256 bits of it signed', () => {
    const token = links.token(c);

    expect(token).toMatch(/^[A-Za-z0-9_-]{70}$/);
    expect(links.parse(token)).toEqual({ caseId: CASE_ID, generation: 3 });
    expect(links.token(c)).toBe(token);
  });

  it('gives each generation its own token', () => {
    expect(links.token({ ...c, linkGeneration: 4 })).not.toBe(links.token(c));
  });

  it("refuses a token with any byte changed, another tenant's token, and anything not a token", () => {
    const token = Buffer.from(links.token(c), 'base64url');
    const tampered = [0, 10, 16, 19, 20, 51].map((index) => {
      const copy = Buffer.from(token);
      copy[index] = copy[index]! ^ 1;
      return copy.toString('base64url');
    });
    const otherTenant = new CaseLinks(Buffer.from('another tenant secret, also long enough'), 'https://other.example').token(c);

    expect(tampered.map((t) => links.parse(t))).toEqual(Array(6).fill(null));
    expect(links.parse(otherTenant)).toBeNull();
    expect(['', 'abc', `${links.token(c)}A`, `${links.token(c).slice(0, -1)}=`, 'x'.repeat(70), '../../etc'].map((t) => links.parse(t))).toEqual(Array(6).fill(null));
  });

  it("leads to the portal's link page with the token after #, at the tenant's own portal when it has one", () => {
    expect(links.url(c, {})).toBe(`https://acme.example/portal/link#${links.token(c)}`);
    expect(links.url(c, { portalUrl: 'https://help.acme.example' })).toBe(`https://help.acme.example/link#${links.token(c)}`);
  });
});
