// Request bodies no route handler may accept: objects with the API's own field names holding
// values wrong for that field in every schema that has it, random JSON, text that is not JSON,
// bytes that are not UTF-8, huge strings, deep nesting, and no body at all. None is a valid
// request for any route, so a handler that reads its body must answer every one with a 4xx.
import fc from "fast-check";

export interface FuzzBody {
  label: string;
  body: string | Uint8Array<ArrayBuffer> | undefined;
}

// Per field, values invalid wherever the field appears (createAnnotation, updateAnnotation,
// versionOnly, newSource, segment, status, linkSpans, suggestion decisions): never a valid 0
// start or a null parentId.
const WRONG: Record<string, unknown[]> = {
  kind: [5, "", "alien", null, ["claim"]],
  start: [-1, 1.5, "1", null, 1e300],
  end: [-1, 0.5, "2", null, false],
  exact: ["", 5, null, {}],
  attributes: ["x", 5, [], null],
  note: [5, "n".repeat(5001), null],
  parentId: [0, -1, "1", 1.5, {}],
  version: [0, -1, 1.5, "1", null, 2 ** 53],
  name: ["", "   ", 5, "n".repeat(201), null],
  affiliation: [5, null, "a".repeat(201)],
  description: [5, null, "d".repeat(2001)],
  outlet: ["", 5, "o".repeat(121), null],
  originalDate: ["2024-02-30", 5, "yesterday"],
  originalUrl: ["javascript:alert(1)", 5, "ftp://x.example"],
  done: [false, "true", 1, null],
  reopen: [0, -1, "1", 1.5, null],
  annotationId: [0, -1, "1", 1.5, null],
  otherAnnotationId: [0, -1, "1", null],
  key: ["", 5, null, "the levy", "-1:5", "1:", ["0:3"]],
  minConfidence: [-0.1, 1.5, "0.8", null, true],
  ["__proto__"]: [{ version: 1 }, null],
  constructor: [{}, "x"],
};

const wrongObject = fc
  .uniqueArray(fc.constantFrom(...Object.keys(WRONG)), { maxLength: 4 })
  .chain((keys) => fc.tuple(...keys.map((key) => fc.constantFrom(...WRONG[key]!).map((value) => [key, value] as const))))
  .map((entries) => {
    // JSON text, so "__proto__" arrives as an own key the way JSON.parse makes it.
    const members = entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
    return `{${members.join(",")}}`;
  });

const notJson = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }).map((s) => `{${s}`),
  fc.constantFrom("", " ", "{", '{"version":1', "{'version':1}", "undefined", "NaN", "[1,]", '{"a":1}{', "\u0000", "version=1&done=true", "\ufeff{}"),
);

const DEEP = 100_000;
const deep = fc.constantFrom(
  `${"[".repeat(DEEP)}${"]".repeat(DEEP)}`,
  `${'{"attributes":'.repeat(5_000)}1${"}".repeat(5_000)}`,
  `{"attributes":{"targets":${"[".repeat(DEEP)}${"]".repeat(DEEP)}}}`,
  `{"kind":"claim","start":0,"end":5,"exact":"Alpha","attributes":${'{"a":'.repeat(2_000)}1${"}".repeat(2_000)}}`,
);

// Past the 10 MB body limit, and just under it inside one field.
const huge = fc.constantFrom(
  "x".repeat(10 * 1024 * 1024 + 1),
  JSON.stringify({ note: "n".repeat(1_000_000) }),
  JSON.stringify({ exact: "e".repeat(2_000_000) }),
);

const notUtf8 = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Uint8Array.from([0xff, 0xfe, ...bytes]));

export const fuzzBody: fc.Arbitrary<FuzzBody> = fc.oneof(
  { weight: 5, arbitrary: wrongObject.map((body) => ({ label: "wrong values", body })) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ label: "random JSON", body: JSON.stringify(value) })) },
  { weight: 3, arbitrary: notJson.map((body) => ({ label: "not JSON", body })) },
  { weight: 1, arbitrary: notUtf8.map((body) => ({ label: "not UTF-8", body })) },
  { weight: 1, arbitrary: deep.map((body) => ({ label: "deep nesting", body })) },
  { weight: 1, arbitrary: huge.map((body) => ({ label: "huge", body })) },
  { weight: 1, arbitrary: fc.constant({ label: "no body", body: undefined }) },
);

export const contentType = fc.constantFrom(
  "application/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json; charset=utf-16",
  undefined,
);

const QUERY_KEYS = ["format", "layer", "kinds", "story", "outlet", "documents", "goldOnly", "text", "q", "limit", "annotator", "deleted"];
const QUERY_VALUES = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom(
    "jsonl",
    "csv",
    "w3c",
    "brat",
    "conll",
    "xmi",
    "all",
    "gold",
    "reviewer:1",
    "reviewer:x",
    "1",
    "0",
    "-1",
    "51",
    "true",
    "1e3",
    "x".repeat(300),
  ),
);

export const fuzzQuery: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), QUERY_VALUES), { maxLength: 4 })
  .map((pairs) => (pairs.length === 0 ? "" : `?${new URLSearchParams(pairs).toString()}`));

/** Ids a URL may carry that name nothing: malformed, out of range, or someone else's. */
export const BAD_IDS = ["0", "-1", "abc", "1.5", "1e3", "99999999999999999999", "", "%00", " 1", "0x1", "9007199254740993", "2147483648"];
