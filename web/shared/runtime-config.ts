/**
 * What a web app learns at run time from `config.json` next to its index.html, so one build serves
 * every tenant: written by CDK at deploy time, and by the local runtime when it serves the apps.
 */
export interface AppConfig {
  /** The HTTP API's base URL, without a trailing slash; empty when it is the app's own origin. */
  apiUrl: string;
}

/** The portal's: it signs customers in with Cognito's API (the local pool's stand-in locally). */
export interface PortalConfig extends AppConfig {
  customerPool: {
    /** Cognito Identity Provider's endpoint, e.g. `https://cognito-idp.eu-central-1.amazonaws.com/`. */
    endpoint: string;
    clientId: string;
  };
}

/** The console's: it signs agents in. */
export interface RuntimeConfig extends AppConfig {
  /** The OAuth 2 authorization-code flow with PKCE: Cognito's hosted UI, or the local stand-in. */
  auth: {
    authorizeUrl: string;
    tokenUrl: string;
    clientId: string;
    scope: string;
    /** Ends the hosted UI's session too; absent locally, where there is none. */
    logoutUrl?: string;
  };
}
