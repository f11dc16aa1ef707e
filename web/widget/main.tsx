import { render } from 'preact';
import type { Language } from '../shared/i18n.ts';
import styles from './widget.css?inline';
import { Widget } from './widget.tsx';

/**
 * `<helpdesk-widget api="…" language="pl" external-customer-id="…">`, defined by the one script a
 * tenant's page loads. It renders into its own shadow root, so the page's CSS does not reach into it
 * and its CSS (a constructed stylesheet, which a page's CSP without 'unsafe-inline' still allows)
 * does not reach out.
 */
class HelpdeskWidget extends HTMLElement {
  static observedAttributes = ['api', 'language', 'external-customer-id'];

  connectedCallback(): void {
    this.update();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.update();
  }

  disconnectedCallback(): void {
    if (this.shadowRoot) render(null, this.shadowRoot);
  }

  private update(): void {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    render(
      <Widget
        api={this.getAttribute('api') || scriptOrigin}
        language={language(this.getAttribute('language'))}
        externalCustomerId={this.getAttribute('external-customer-id') || null}
      />,
      root,
    );
  }
}

/** The page's choice, else the browser's language when it is Polish, else English. */
function language(attribute: string | null): Language {
  if (attribute === 'pl' || attribute === 'en') return attribute;
  return navigator.language.toLowerCase().startsWith('pl') ? 'pl' : 'en';
}

const sheet = new CSSStyleSheet();
sheet.replaceSync(styles);

/**
 * Where this script came from, read while it first runs (later `currentScript` is gone): the API
 * when the page names none, as where the local runtime serves both. In the cloud they differ.
 */
const scriptOrigin = document.currentScript instanceof HTMLScriptElement ? new URL(document.currentScript.src).origin : location.origin;

// A page that loads the script twice keeps the first definition rather than failing on the second.
if (!customElements.get('helpdesk-widget')) customElements.define('helpdesk-widget', HelpdeskWidget);
