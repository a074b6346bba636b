// A wide table scrolls inside this box on a narrow screen instead of widening the page. A box
// that scrolls must be reachable by keyboard (WCAG 2.1.1; axe's scrollable-region-focusable),
// so it is a focusable region, and its name says what it holds. Names must differ between the
// regions of one page (and from the page's other landmarks), or they cannot be told apart.
import type { ReactNode } from "react";

export function TableRegion({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
