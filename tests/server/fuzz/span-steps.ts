// The generators of the span lifecycle fuzz: random runs of the steps in ./span-commands,
// weighted so a run mostly creates and edits spans on an open layer.
import fc from "fast-check";
import { ANNOTATION_KINDS } from "@/lib/validation/annotations";
import { ATTRIBUTES, Create, Delete, Edit, Freeze, Intrude, Restore } from "./span-commands";
import type { ExactMode, Range } from "./span-model";

/** Mostly a valid range of up to 16 code points somewhere in the text, sometimes reversed or empty, sometimes out of range. */
const range: fc.Arbitrary<Range> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), width: fc.integer({ min: -2, max: 16 }) }) },
  { weight: 1, arbitrary: fc.record({ start: fc.constantFrom(-1, 0, 2.5), end: fc.constantFrom(1e6, 3, 0) }) },
);

const exactMode = fc.constantFrom<ExactMode>("codePoints", "codePoints", "codePoints", "codePoints", "codePoints", "codeUnits", "shifted", "omit");
const kind = fc.constantFrom(...ANNOTATION_KINDS);
const stale = fc.constantFrom<-1 | 1 | 0>(0, 0, 0, 0, 0, 0, -1, 1);
const note = fc.string({ unit: "grapheme", maxLength: 8 });

const create = fc
  .record({ range, kind, exact: exactMode, note, attributes: fc.nat({ max: ATTRIBUTES.length - 1 }), parent: fc.option(fc.nat(), { nil: null }) })
  .map((f) => new Create(f));
const edit = fc
  .record(
    {
      pick: fc.nat(),
      stale,
      range,
      kind,
      exact: exactMode,
      note,
      parent: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom<"keep" | "none" | "self">("keep", "keep", "keep", "keep", "none", "self") },
        { weight: 1, arbitrary: fc.nat() },
      ),
    },
    { requiredKeys: ["pick", "stale", "exact", "parent"] },
  )
  .map((f) => new Edit(f));

// Listed more than once to be drawn more often: creates and edits most, freezing least.
export const spanSteps = fc.commands(
  [
    create,
    create,
    create,
    edit,
    edit,
    fc.tuple(fc.nat(), stale).map(([pick, s]) => new Delete(pick, s)),
    fc.nat().map((pick) => new Restore(pick)),
    fc.nat().map((pick) => new Intrude(pick)),
    // Marked done a quarter of the time, so the layer is open most of the run.
    fc.constantFrom(true, false, false, false).map((done) => new Freeze(done)),
  ],
  { maxCommands: 40, size: "medium" },
);
