import { describe, expect, it } from "vitest";
import { approx, compared, documentFigures } from "./helpers";
import { D1, D2, D3, D4, D5, D6 } from "./expected";

describe("figures of one document (hand-counted fixture)", () => {
  const c = compared();

  it("counts a gold document's spans, with overlapping and nested quotes counted once in the voice", () => {
    expect(documentFigures(c, 1)).toEqual(approx(D1));
  });

  it("counts one reviewer's layer; a source without speaker type is named by its registry kind", () => {
    expect(documentFigures(c, 2)).toEqual(approx(D2));
  });

  it("averages a pooled document over its reviewers, every count and the quoted characters", () => {
    expect(documentFigures(c, 3)).toEqual(approx(D3));
  });

  it("measures re-published share from adjacent segments and splits it by original outlet", () => {
    expect(documentFigures(c, 4)).toEqual(approx(D4));
  });

  it("keeps a document with no outlet and no date", () => {
    expect(documentFigures(c, 5)).toEqual(approx(D5));
  });

  it("gives null densities and shares, not NaN or 0, for a document of no words", () => {
    expect(documentFigures(c, 6)).toEqual(D6);
  });
});
