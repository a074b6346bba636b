"use client";
// The header's links. On a wide screen they sit in the bar; on a phone they fold behind a
// disclosure button (the WAI-ARIA disclosure pattern: aria-expanded and aria-controls), so the
// bar never runs off the screen. Esc closes the menu and hands focus back to the button, and a
// link followed from the open menu lands on a page with the menu closed. Without JavaScript
// the stylesheet leaves every link in view (see `scripting` in globals.css).
import { usePathname } from "next/navigation";
import { useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";

const MENU_ID = "main-menu";

export function MainMenu({ children }: { children: ReactNode }): ReactNode {
  // The page the menu was opened on: after a navigation it no longer matches, so the menu is
  // closed without an effect having to reset it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const pathname = usePathname();
  const button = useRef<HTMLButtonElement>(null);
  const open = openOn !== null && openOn === pathname;

  // A followed link closes the menu even when it leads to the page already open.
  function onClick(event: MouseEvent): void {
    if (event.target instanceof Element && event.target.closest("a") !== null) setOpenOn(null);
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key !== "Escape" || !open) return;
    setOpenOn(null);
    // On a wide screen the button is hidden and focus stays where it is.
    if (button.current !== null && button.current.getClientRects().length > 0) button.current.focus();
  }

  return (
    <div className="main-menu" onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="menu-toggle" aria-expanded={open} aria-controls={MENU_ID} onClick={() => setOpenOn(open ? null : pathname)}>
        <span className="menu-icon" aria-hidden="true" />
        Menu
      </button>
      <nav id={MENU_ID} aria-label="Main" data-open={open} onClick={onClick}>
        {children}
      </nav>
    </div>
  );
}
