import type { ComponentChildren } from 'preact';
import { type PortalRoute, portalNavigate, portalPathOf } from './portal-router.ts';

/** A link to a portal page that moves there without reloading the app. */
export function PortalLink({ to, children, current }: { to: PortalRoute; children: ComponentChildren; current?: boolean }) {
  return (
    <a
      href={portalPathOf(to)}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        portalNavigate(to);
      }}
    >
      {children}
    </a>
  );
}
