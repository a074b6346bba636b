// The reading page's legend (how each kind of span is drawn) and its keys.
import type { ReactNode } from "react";

export function KindLegend(): ReactNode {
  return (
    <ul className="legend read-legend" aria-label="How spans are marked">
      <li>
        <mark className="rd rd-quote">Attributed quote</mark>
      </li>
      <li>
        <mark className="rd rd-claim">Claim</mark>
      </li>
      <li>
        <mark className="rd rd-opinion">Opinion</mark>
      </li>
      <li>
        <mark className="rd" data-keys="">
          Linked to another column
        </mark>
      </li>
      <li>
        <mark className="rd lit">Lit: linked to the span you point at</mark>
      </li>
    </ul>
  );
}

export function KeysHelp(): ReactNode {
  return (
    <details className="keys-help read-keys">
      <summary>Keyboard</summary>
      <dl>
        <dt>Tab</dt>
        <dd>next span that is linked to another column (Shift+Tab: previous)</dd>
        <dt>n or j</dt>
        <dd>next span linked to the focused one, in any column</dd>
        <dt>p or k</dt>
        <dd>previous span linked to the focused one</dd>
        <dt>Esc</dt>
        <dd>turn the lights off</dd>
      </dl>
    </details>
  );
}
