// The workspace's keyboard shortcuts: one table that the key handler matches against and the
// `?` dialog lists, so what the dialog says is what the keys do.

export type ShortcutAction =
  | "word-next"
  | "word-previous"
  | "paragraph-next"
  | "paragraph-previous"
  | "sentence-next"
  | "end-widen"
  | "end-narrow"
  | "start-widen"
  | "start-narrow"
  | "tag-claim"
  | "tag-opinion"
  | "tag-quote"
  | "span-next"
  | "span-previous"
  | "edit"
  | "remove"
  | "link"
  | "cancel"
  | "suggestion-next"
  | "suggestion-accept"
  | "suggestion-reject"
  | "help";

/** One key combination. `ctrl` also matches ⌘ on a Mac. */
export interface Chord {
  key: string;
  shift?: boolean;
  alt?: boolean;
  ctrl?: boolean;
}

export interface Shortcut {
  action: ShortcutAction;
  group: "Move" | "Select" | "Tag" | "Spans" | "Suggestions" | "Help";
  /** The first chord is the one shown first; the others are alternatives. */
  chords: Chord[];
  description: string;
}

const k = (key: string, modifiers: Omit<Chord, "key"> = {}): Chord => ({ key, ...modifiers });

export const SHORTCUTS: readonly Shortcut[] = [
  { action: "word-next", group: "Move", chords: [k("ArrowRight")], description: "Word cursor to the next word" },
  { action: "word-previous", group: "Move", chords: [k("ArrowLeft")], description: "Word cursor to the previous word" },
  {
    action: "paragraph-next",
    group: "Move",
    chords: [k("ArrowDown")],
    description: "Cursor to the first word of the next paragraph (with no cursor yet: the first word)",
  },
  { action: "paragraph-previous", group: "Move", chords: [k("ArrowUp")], description: "Cursor to the first word of the previous paragraph" },
  {
    action: "sentence-next",
    group: "Move",
    chords: [k("n")],
    description: "Select the whole next sentence that none of your spans touches",
  },
  { action: "end-widen", group: "Select", chords: [k("ArrowRight", { shift: true })], description: "End edge one word right (widen)" },
  { action: "end-narrow", group: "Select", chords: [k("ArrowLeft", { shift: true })], description: "End edge one word left (narrow)" },
  {
    action: "start-widen",
    group: "Select",
    chords: [k("ArrowLeft", { shift: true, alt: true }), k("ArrowLeft", { shift: true, ctrl: true })],
    description: "Start edge one word left (widen)",
  },
  {
    action: "start-narrow",
    group: "Select",
    chords: [k("ArrowRight", { shift: true, alt: true }), k("ArrowRight", { shift: true, ctrl: true })],
    description: "Start edge one word right (narrow)",
  },
  {
    action: "tag-claim",
    group: "Tag",
    chords: [k("1")],
    description: "Tag the selection as a claim; the cursor moves on to the next word (on a span: make it a claim)",
  },
  { action: "tag-opinion", group: "Tag", chords: [k("2")], description: "Tag as an opinion, then move on" },
  { action: "tag-quote", group: "Tag", chords: [k("3")], description: "Tag as an attributed quote, then move on (Enter names the speaker)" },
  { action: "span-next", group: "Spans", chords: [k("j"), k("]")], description: "Next span (after the cursor, if there is one)" },
  { action: "span-previous", group: "Spans", chords: [k("k"), k("[")], description: "Previous span (before the cursor, if there is one)" },
  {
    action: "edit",
    group: "Spans",
    chords: [k("Enter")],
    description: "Edit the current span's attributes (a quote: its speaker); Esc there returns to the text",
  },
  { action: "remove", group: "Spans", chords: [k("Delete"), k("Backspace")], description: "Remove the current span (restore it from “Show deleted”)" },
  { action: "link", group: "Spans", chords: [k("l")], description: "Link the current span to its first suggested match" },
  {
    action: "cancel",
    group: "Spans",
    chords: [k("Escape")],
    description: "Cancel: drop the selection (the cursor stays on its first word) and release the current span",
  },
  {
    action: "suggestion-next",
    group: "Suggestions",
    chords: [k("Tab")],
    description: "Next suggestion (after the last one, Tab leaves the text as usual)",
  },
  {
    action: "suggestion-accept",
    group: "Suggestions",
    chords: [k("a")],
    description: "Accept the current suggestion as your attributed quote, speaker and cue filled in",
  },
  { action: "suggestion-reject", group: "Suggestions", chords: [k("r")], description: "Reject the current suggestion; it is not offered again" },
  { action: "help", group: "Help", chords: [k("?")], description: "Show these shortcuts" },
];

/** What the edges of a selection or span do under the shortcuts above, for people reading the dialog. */
export const SELECTION_NOTES: readonly string[] = [
  "Edge keys act on the keyboard selection, or, when there is none, on the current span (a saved edit).",
  "Mouse selections snap to whole words; hold Alt while selecting to keep them exactly as made (minus blanks).",
];

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

// A punctuation key such as "?" needs Shift on some layouts and not on others: Shift is ignored there.
const SHIFT_FREE = /^[^\p{L}\p{N}]$/u;

function matches(chord: Chord, event: KeyLike): boolean {
  const letter = /^\p{L}$/u.test(chord.key);
  // Caps Lock turns "n" into "N" without Shift; letters compare without case.
  const key = letter ? event.key.toLowerCase() : event.key;
  if (key !== chord.key) return false;
  if (!SHIFT_FREE.test(chord.key) && event.shiftKey !== (chord.shift ?? false)) return false;
  return event.altKey === (chord.alt ?? false) && (event.ctrlKey || event.metaKey) === (chord.ctrl ?? false);
}

/** The action a key press stands for, or null if it is none of ours (the browser keeps it). */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  return SHORTCUTS.find((s) => s.chords.some((c) => matches(c, event)))?.action ?? null;
}

const KEY_NAMES: Record<string, string> = {
  ArrowRight: "→",
  ArrowLeft: "←",
  ArrowUp: "↑",
  ArrowDown: "↓",
  Escape: "Esc",
};

/** The keys of a chord as people write them, e.g. ["Alt", "Shift", "←"]. */
export function chordKeys(chord: Chord): string[] {
  const keys: string[] = [];
  if (chord.ctrl) keys.push("Ctrl");
  if (chord.alt) keys.push("Alt");
  if (chord.shift) keys.push("Shift");
  keys.push(KEY_NAMES[chord.key] ?? chord.key);
  return keys;
}
