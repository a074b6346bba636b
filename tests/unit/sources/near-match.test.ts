// Near matches of a typed speaker name against the registry: the matching that keeps two
// reviewers from creating "Khanjar" and "Khamis al-Khanjar" as two speakers.
import { describe, expect, it } from "vitest";
import { foldName, matchSource, nameTokens, nearMatches, rankSources } from "@/lib/sources/near-match";

const khanjar = { id: 1, name: "Khamis al-Khanjar", aliases: [] };
const registry = [
  khanjar,
  { id: 2, name: "Ministry of Defence", aliases: ["MoD"] },
  { id: 3, name: "Amiri", aliases: ["a former western diplomat"] },
  { id: 4, name: "Émile Zola", aliases: [] },
  { id: 5, name: "Ahmed Khanjar", aliases: [] },
  { id: 6, name: "Lech Wałęsa", aliases: [] },
];
const ids = (list: { id: number }[]): number[] => list.map((s) => s.id);

describe("folding names", () => {
  it("folds case and diacritics, including letters that do not decompose", () => {
    expect(foldName("  Khamis Al-Khanjár ")).toBe("khamis al-khanjar");
    expect(foldName("Lech Wałęsa")).toBe("lech walesa");
    expect(foldName("STRAẞE")).toBe("strasse");
  });

  it("drops name particles from the identifying words unless nothing else is left", () => {
    expect(nameTokens("Khamis al-Khanjar")).toEqual(["khamis", "khanjar"]);
    expect(nameTokens("Ludwig van Beethoven")).toEqual(["ludwig", "beethoven"]);
    expect(nameTokens("Al")).toEqual(["al"]);
  });
});

describe("matching one source", () => {
  it("offers “Khamis al-Khanjar” for “Khanjar” by a whole word of the name", () => {
    expect(matchSource("Khanjar", khanjar)).toEqual({ score: 80, via: "Khamis al-Khanjar" });
  });

  it("matches whatever the case, the diacritics, the word order or the joined particle", () => {
    for (const typed of ["KHANJÁR", "khanjar, khamis", "Alkhanjar", "Khamis Al Khanjar"]) expect(matchSource(typed, khanjar)?.score).toBeGreaterThanOrEqual(80);
    expect(matchSource("Khamis al-Khanjar", khanjar)?.score).toBe(100);
  });

  it("finds the shorter registered name inside a longer typed one", () => {
    const short = { id: 9, name: "Khanjar", aliases: [] };
    expect(matchSource("Sheikh Khamis al-Khanjar", short)).toEqual({ score: 70, via: "Khanjar" });
  });

  it("matches through an alias and says which one", () => {
    expect(matchSource("mod", registry[1]!)).toEqual({ score: 100, via: "MoD" });
    expect(matchSource("western diplomat", registry[2]!)).toEqual({ score: 80, via: "a former western diplomat" });
  });

  it("lets an unfinished last word match a prefix of three letters or more, not fewer", () => {
    expect(matchSource("Khamis Khan", khanjar)?.score).toBe(80);
    expect(matchSource("Kh", khanjar)?.score).toBe(10);
  });

  it("does not match unrelated names or short accidental endings", () => {
    expect(matchSource("Zoltan Budd", registry[3]!)).toBeNull();
    expect(matchSource("Jar", khanjar)).toMatchObject({ score: 10 });
    expect(matchSource("Defense", registry[1]!)).toBeNull();
  });
});

describe("ranking and near matches", () => {
  it("ranks closer matches first, then by name", () => {
    expect(ids(rankSources("Khanjar", registry))).toEqual([5, 1]);
    expect(ids(rankSources("Khamis Khanjar", registry))).toEqual([1, 5]);
  });

  it("keeps substring-only hits in the ranking but not among near matches", () => {
    // "mi" is inside "Amiri", "Émile", "Khamis" and "Ministry": name order, as a plain search.
    expect(ids(rankSources("mi", registry))).toEqual([3, 4, 1, 2]);
    expect(nearMatches("mi", registry)).toEqual([]);
  });

  it("offers a source sharing a distinctive word as a weaker near match", () => {
    const near = nearMatches("Khamis al-Khanjar", registry);
    expect(near.map((s) => [s.id, s.match.score])).toEqual([
      [1, 100],
      [5, 40],
    ]);
  });

  it("gives nothing for an empty name", () => {
    expect(nearMatches("  ", registry)).toEqual([]);
  });
});
