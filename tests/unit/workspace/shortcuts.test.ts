import { describe, expect, it } from "vitest";
import { chordKeys, SHORTCUTS, shortcutFor, type KeyLike } from "@/lib/workspace/shortcuts";

const press = (key: string, mods: Partial<Omit<KeyLike, "key">> = {}): KeyLike => ({
  key,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe("the shortcut table", () => {
  it("gives every action exactly one entry and no chord to two actions", () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
    const chords = SHORTCUTS.flatMap((s) => s.chords.map((c) => JSON.stringify({ ...c, shift: c.shift ?? false, alt: c.alt ?? false, ctrl: c.ctrl ?? false })));
    expect(new Set(chords).size).toBe(chords.length);
  });

  it("matches each listed chord back to its own action", () => {
    for (const s of SHORTCUTS) {
      for (const c of s.chords) {
        expect(shortcutFor(press(c.key, { shiftKey: c.shift ?? false, altKey: c.alt ?? false, ctrlKey: c.ctrl ?? false }))).toBe(s.action);
      }
    }
  });

  it("tells the edges apart by their modifiers, with ⌘ standing for Ctrl", () => {
    expect(shortcutFor(press("ArrowRight"))).toBe("word-next");
    expect(shortcutFor(press("ArrowRight", { shiftKey: true }))).toBe("end-widen");
    expect(shortcutFor(press("ArrowLeft", { shiftKey: true }))).toBe("end-narrow");
    expect(shortcutFor(press("ArrowLeft", { shiftKey: true, altKey: true }))).toBe("start-widen");
    expect(shortcutFor(press("ArrowRight", { shiftKey: true, metaKey: true }))).toBe("start-narrow");
    expect(shortcutFor(press("ArrowRight", { altKey: true }))).toBeNull(); // Alt+→ stays the browser's
  });

  it("leaves browser and typing chords alone, takes ? with or without Shift and letters under Caps Lock", () => {
    expect(shortcutFor(press("c", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press("1", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press("N", { shiftKey: true }))).toBeNull();
    expect(shortcutFor(press("N"))).toBe("sentence-next");
    expect(shortcutFor(press("?", { shiftKey: true }))).toBe("help");
    expect(shortcutFor(press("?"))).toBe("help");
    expect(shortcutFor(press("3"))).toBe("tag-quote");
  });

  it("writes chords as people read them", () => {
    expect(chordKeys({ key: "ArrowLeft", shift: true, alt: true })).toEqual(["Alt", "Shift", "←"]);
    expect(chordKeys({ key: "Escape" })).toEqual(["Esc"]);
  });
});
