import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Case } from '../domain/case.ts';
import { publicLinkUrl } from '../domain/public-link.ts';
import type { TenantSettings } from '../domain/tenant-settings.ts';

const ID_BYTES = 16;
const GENERATION_BYTES = 4;
/** The whole HMAC-SHA256: 256 bits nobody can guess. */
const MAC_BYTES = 32;
const TOKEN_BYTES = ID_BYTES + GENERATION_BYTES + MAC_BYTES;

export interface LinkedCase {
  caseId: string;
  generation: number;
}

/**
 * Public case links. A link's token is the case id and link generation, signed with the tenant's
 * secret: notifications can carry a case's link at any time without the table holding it, an
 * agent replaces it by raising the generation, and a token nobody signed is refused before any read.
 */
export class CaseLinks {
  constructor(
    private readonly secret: Buffer,
    private readonly portalUrl: string,
  ) {}

  token(c: Pick<Case, 'id' | 'linkGeneration'>): string {
    const body = Buffer.alloc(ID_BYTES + GENERATION_BYTES);
    Buffer.from(c.id.replace(/-/g, ''), 'hex').copy(body);
    body.writeUInt32BE(c.linkGeneration, ID_BYTES);
    return Buffer.concat([body, this.mac(body)]).toString('base64url');
  }

  /** The page a customer opens the case on, at the tenant's own portal address when it has one. */
  url(c: Pick<Case, 'id' | 'linkGeneration'>, settings: Pick<TenantSettings, 'portalUrl'>): string {
    return publicLinkUrl(settings.portalUrl ?? this.portalUrl, this.token(c));
  }

  /** The case and generation a token names, or null for anything this tenant's secret did not sign. */
  parse(token: string): LinkedCase | null {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) return null;
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length !== TOKEN_BYTES) return null;
    const body = bytes.subarray(0, ID_BYTES + GENERATION_BYTES);
    if (!timingSafeEqual(bytes.subarray(ID_BYTES + GENERATION_BYTES), this.mac(body))) return null;
    const hex = body.subarray(0, ID_BYTES).toString('hex');
    const caseId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return { caseId, generation: body.readUInt32BE(ID_BYTES) };
  }

  private mac(body: Buffer): Buffer {
    return createHmac('sha256', this.secret).update('helpdesk case link\n').update(body).digest();
  }
}

/** For functions CDK gives no link secret (see ROUTE_GROUPS): any use is a bug, and says so. */
export const noCaseLinks = (): Promise<CaseLinks> =>
  Promise.reject(new Error('this function makes no public links (it has no CASE_LINK_SECRET_ARN)'));
