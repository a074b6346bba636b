"use client";
// The `?` dialog: every workspace shortcut, rendered from the same table the key handler uses.
// A native modal <dialog> traps focus and closes on Esc; closing hands focus back to the text.
import { memo, useEffect, useRef, type ReactNode } from "react";
import { chordKeys, SELECTION_NOTES, SHORTCUTS, type Chord, type Shortcut } from "@/lib/workspace/shortcuts";
import "./shortcuts-dialog.css";

const GROUPS: Shortcut["group"][] = ["Move", "Select", "Tag", "Spans", "Suggestions", "Help"];

function ChordView({ chord }: { chord: Chord }): ReactNode {
  return (
    <span className="chord">
      {chordKeys(chord).map((key, i) => (
        <kbd key={i}>{key}</kbd>
      ))}
    </span>
  );
}

// The table never changes: memo keeps the workspace's renders (one per change to the spans) from
// going through its 200 elements each time.
const ShortcutTable = memo(function ShortcutTable(): ReactNode {
  return (
    <>
      {GROUPS.map((group) => (
        <section key={group} aria-labelledby={`shortcuts-${group}`}>
          <h3 id={`shortcuts-${group}`}>{group}</h3>
          <dl>
            {SHORTCUTS.filter((s) => s.group === group).map((s) => (
              <div key={s.action} className="shortcut-row" data-action={s.action}>
                <dt>
                  {s.chords.map((c, i) => (
                    <span key={i}>
                      {i > 0 ? <span className="or"> or </span> : null}
                      <ChordView chord={c} />
                    </span>
                  ))}
                </dt>
                <dd>{s.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <ul className="shortcut-notes">
        {SELECTION_NOTES.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </>
  );
});

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="shortcuts-dialog" aria-labelledby="shortcuts-heading" onClose={onClose}>
      <div className="shortcuts-head">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <button type="button" className="button small" onClick={onClose} autoFocus>
          Close <kbd>Esc</kbd>
        </button>
      </div>
      <ShortcutTable />
    </dialog>
  );
}
