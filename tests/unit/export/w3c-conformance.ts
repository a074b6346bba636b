// Runs the W3C Web Annotation Working Group's "must" assertions (annotations/annotationMusts.test
// in ../shared/w3c-annotation-tests) against one annotation, the way the group's own harness
// (web-platform-tests annotation-model/scripts/JSONtest.js and its CONTRIBUTING.md) reads a .test:
// - an entry is a file path, an inline assertion schema, a nested list, or a condition object
//   (`assertions` + `compareWith`: and | or, default and);
// - an object with `assertionFile` loads that file and overrides its keys with its own;
// - `expectedResult` (default valid) says whether validation should succeed; `assertionType`
//   (default must) how grave an unexpected result is;
// - `onUnexpectedResult` *AndSkip skips the rest of the current list, *AndAbort everything after.
// A condition object counts as one assertion: its children only feed its and/or result, since an
// "or" branch failing is not by itself a failure. Schemas are draft-04, validated with ajv-draft-04.
import fs from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";

export const SUITE_DIR = path.resolve(import.meta.dirname, "../../../../shared/w3c-annotation-tests");

type Json = Record<string, unknown>;
type Entry = string | Json | Entry[];
type Action = "continue" | "skip" | "abort";

export interface FailedAssertion {
  id: string;
  title: string;
  errorMessage: string;
}

export interface ConformanceResult {
  /** "must" assertions that gave an unexpected result. */
  failed: FailedAssertion[];
  /** How many "must" assertions were evaluated (not skipped). */
  mustsChecked: number;
}

function readJson(file: string): Json {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Json;
}

function schemaFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json"))
    .map((f) => path.join(dir, f));
}

/** Loads every schema of definitions/ and annotations/ once; returns a checker for annotations. */
export function loadMustChecker(
  suiteDir: string = SUITE_DIR,
  testFile: string = path.join(suiteDir, "annotations", "annotationMusts.test"),
): (annotation: unknown) => ConformanceResult {
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv, ["uri", "date-time"]);
  // The definitions are what assertions refer to ("bodyTarget.json#/definitions/…"): add them
  // under their ids. Assertion files are compiled on their own, without their ids, because two
  // pairs of files in the suite share one (3.2.2-targType.json, 3.3.3-targAudience.json).
  for (const file of schemaFiles(path.join(suiteDir, "definitions"))) ajv.addSchema(readJson(file));
  const byPath = new Map<string, Json>();
  for (const file of schemaFiles(path.join(suiteDir, "annotations"))) {
    byPath.set(path.relative(suiteDir, file).split(path.sep).join("/"), readJson(file));
  }
  const test = readJson(testFile);
  const compiled = new Map<Json, ValidateFunction>();

  // Paths with a slash are relative to the suite root; without one, to the .test's folder.
  const load = (ref: string): Json => {
    const key = ref.includes("/") ? ref : `annotations/${ref}`;
    const schema = byPath.get(key);
    if (schema === undefined) throw new Error(`assertion ${ref} is not in the suite`);
    return schema;
  };
  const resolve = (entry: Json | string): Json => {
    if (typeof entry === "string") return load(entry);
    // The file's keys overridden by the entry's own.
    return typeof entry.assertionFile === "string" ? { ...load(entry.assertionFile), ...entry } : entry;
  };
  const validatorFor = (schema: Json): ValidateFunction => {
    let v = compiled.get(schema);
    if (v === undefined) {
      const copy: Json = { ...schema };
      delete copy.id;
      v = ajv.compile(copy);
      compiled.set(schema, v);
    }
    return v;
  };
  // Compile every assertion file now, so a schema ajv cannot read fails loudly here.
  for (const schema of byPath.values()) validatorFor(schema);

  return (annotation: unknown): ConformanceResult => {
    const failed: FailedAssertion[] = [];
    let mustsChecked = 0;
    const record = (schema: Json, asExpected: boolean): void => {
      if (typeOf(schema) !== "must") return;
      mustsChecked++;
      if (!asExpected)
        failed.push({
          id: String(schema.id ?? schema.assertionFile ?? "inline"),
          title: String(schema.title ?? ""),
          errorMessage: String(schema.errorMessage ?? ""),
        });
    };

    // Walks one list; returns the action it ends in and the results it produced, for a condition.
    const run = (list: Entry[], inherited: Action, report: boolean): { action: Action; results: boolean[] } => {
      let action: Action = inherited;
      const results: boolean[] = [];
      for (const entry of list) {
        if (action !== "continue") break;
        if (Array.isArray(entry)) {
          const inner = run(entry, action, report);
          results.push(...inner.results);
          if (inner.action === "abort") action = "abort";
          continue;
        }
        const schema = resolve(entry);
        let asExpected: boolean;
        if (Array.isArray(schema.assertions)) {
          const inner = run(schema.assertions as Entry[], action, false);
          if (inner.action === "abort") action = "abort";
          asExpected = schema.compareWith === "or" ? inner.results.some(Boolean) : inner.results.every(Boolean);
        } else {
          const valid = validatorFor(schema)(annotation) === true;
          asExpected = (schema.expectedResult ?? "valid") === "valid" ? valid : !valid;
        }
        results.push(asExpected);
        if (report) record(schema, asExpected);
        if (action !== "abort") action = nextAction(schema, asExpected);
      }
      return { action, results };
    };

    run(test.assertions as Entry[], "continue", true);
    return { failed, mustsChecked };
  };
}

function typeOf(schema: Json): "must" | "should" | "may" {
  const t = typeof schema.assertionType === "string" ? schema.assertionType.toLowerCase() : "must";
  return t === "should" || t === "may" ? t : "must";
}

function nextAction(schema: Json, asExpected: boolean): Action {
  if (asExpected) return "continue";
  const on = typeof schema.onUnexpectedResult === "string" ? schema.onUnexpectedResult : "failAndContinue";
  if (on.endsWith("AndSkip")) return "skip";
  if (on.endsWith("AndAbort")) return "abort";
  return "continue";
}
