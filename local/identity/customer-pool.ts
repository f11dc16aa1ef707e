import { randomUUID, scryptSync, timingSafeEqual, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CustomerPasswordSchema } from '../../functions/domain/password-policy.ts';
import type { Claims, TokenIssuer } from '../token-issuer.ts';

/** The local customer pool's id (CUSTOMER_POOL_ID) and its one app client, the portal's. */
export const LOCAL_CUSTOMER_POOL_ID = 'eu-central-1_localcustomers';
export const LOCAL_PORTAL_CLIENT_ID = 'local-portal';

interface StoredUser {
  username: string;
  sub: string;
  attributes: Record<string, string>;
  /** scrypt of the password with its own salt; null until a password is set. */
  password: { salt: string; hash: string } | null;
  createdAt: number;
}

/** Cognito's error shape: `__type` is the exception the SDK throws by name. */
export class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Access tokens live an hour, as Cognito's default. */
const ACCESS_TOKEN_SECONDS = 3600;

/**
 * The customers' user pool for the local helpdesk: users created by the intake function, a password
 * checked against the same policy CDK gives the cloud pool, and sign-in that returns tokens of the
 * customer issuer (never the staff one). With a file, accounts survive restarts.
 */
export class LocalCustomerPool {
  private readonly users = new Map<string, StoredUser>();

  constructor(
    private readonly issuer: TokenIssuer,
    /** The app client its tokens are for: the issuer must accept it as audience. */
    private readonly clientId: string,
    private readonly file?: string,
  ) {
    if (file && existsSync(file)) {
      for (const user of JSON.parse(readFileSync(file, 'utf8')) as StoredUser[]) this.users.set(user.username, user);
    }
  }

  createUser(username: string, attributes: Record<string, string>): void {
    if (this.users.has(username)) throw new CognitoError('UsernameExistsException', 'User account already exists');
    const email = attributes.email?.toLowerCase();
    if (email && this.byEmail(email)) throw new CognitoError('UsernameExistsException', 'An account with the given email already exists.');
    this.users.set(username, { username, sub: randomUUID(), attributes: { ...attributes, ...(email ? { email } : {}) }, password: null, createdAt: Math.floor(Date.now() / 1000) });
    this.save();
  }

  setPassword(username: string, password: string): void {
    const user = this.find(username);
    const checked = CustomerPasswordSchema.safeParse(password);
    if (!checked.success) throw new CognitoError('InvalidPasswordException', `Password does not conform to policy: ${checked.error.issues[0]?.message ?? ''}`);
    const salt = randomBytes(16).toString('base64');
    user.password = { salt, hash: scryptSync(password, salt, 32).toString('base64') };
    this.save();
  }

  /** AdminUpdateUserAttributes: an e-mail another user signs in with is refused, as the pool's sign-in alias is unique. */
  updateAttributes(username: string, attributes: Record<string, string>): void {
    const user = this.find(username);
    const email = attributes.email?.toLowerCase();
    const holder = email ? this.byEmail(email) : undefined;
    if (holder && holder.username !== username) throw new CognitoError('AliasExistsException', 'An account with the given email already exists.');
    user.attributes = { ...user.attributes, ...attributes, ...(email ? { email } : {}) };
    this.save();
  }

  deleteUser(username: string): void {
    this.find(username);
    this.users.delete(username);
    this.save();
  }

  /** USER_PASSWORD_AUTH: the username or the e-mail (the pool's sign-in alias) with the password. */
  async signIn(login: string, password: string): Promise<{ AccessToken: string; ExpiresIn: number; TokenType: 'Bearer' }> {
    const user = this.users.get(login) ?? this.byEmail(login.toLowerCase());
    if (!user?.password || !matches(password, user.password)) throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
    const claims: Claims = { sub: user.sub, username: user.username, client_id: this.clientId, scope: 'aws.cognito.signin.user.admin' };
    return { AccessToken: await this.issuer.issue(claims, ACCESS_TOKEN_SECONDS), ExpiresIn: ACCESS_TOKEN_SECONDS, TokenType: 'Bearer' };
  }

  /** ChangePassword: the signed-in user (by their access token) proves the current password and sets a new one. */
  async changePassword(accessToken: string, previous: string, proposed: string): Promise<void> {
    const claims = await this.issuer.verify(accessToken);
    const user = typeof claims?.username === 'string' ? this.users.get(claims.username) : undefined;
    if (!user) throw new CognitoError('NotAuthorizedException', 'Invalid Access Token');
    if (!user.password || !matches(previous, user.password)) throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
    this.setPassword(user.username, proposed);
  }

  attributesOf(username: string): Record<string, string> {
    return { ...this.find(username).attributes, sub: this.find(username).sub };
  }

  private find(username: string): StoredUser {
    const user = this.users.get(username);
    if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    return user;
  }

  private byEmail(email: string): StoredUser | undefined {
    return [...this.users.values()].find((user) => user.attributes.email === email);
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    // Written aside and renamed, so a crash mid-write never leaves half a file of accounts.
    writeFileSync(`${this.file}.tmp`, JSON.stringify([...this.users.values()]), { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
  }
}

function matches(password: string, stored: { salt: string; hash: string }): boolean {
  const expected = Buffer.from(stored.hash, 'base64');
  return timingSafeEqual(scryptSync(password, stored.salt, expected.length), expected);
}
