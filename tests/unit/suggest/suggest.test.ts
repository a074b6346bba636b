import { describe, expect, it } from "vitest";
import { suggest, type KnownSource } from "@/lib/suggest";
import { byContent, contentOf, speakerOf } from "./helpers";

const SOURCES: KnownSource[] = [
  { id: 7, name: "Khamis al-Khanjar", aliases: ["Sheikh Khamis"] },
  { id: 8, name: "Interior Ministry", aliases: ["the ministry of the interior"] },
];

describe("direct quotes: cue and speaker", () => {
  it("finds the speaker after the quote, before or after the cue", () => {
    const text = "“The bridge will open in May,” said John Smith, the minister. “We are ready,” Jane Doe said.";
    const out = suggest(text);
    expect(speakerOf(byContent(text, out, "The bridge will open in May,"))).toBe("John Smith");
    const second = byContent(text, out, "We are ready,");
    expect(speakerOf(second)).toBe("Jane Doe");
    expect(second.cue?.text).toBe("said");
    expect(second.type).toBe("direct");
    expect(second.evidence.join(" ")).toContain("curly double quotes");
  });

  it("finds a speaker named before the quote, and 'according to' before a quote", () => {
    const text = "The mayor, Ana Ruiz, spoke first. Ruiz said: “Nobody will lose a home.”\nAccording to Paul Mensah, “the numbers do not add up at all.”";
    const out = suggest(text);
    expect(speakerOf(byContent(text, out, "Nobody will lose a home."))).toBe("Ana Ruiz");
    expect(speakerOf(byContent(text, out, "the numbers do not add up at all."))).toBe("Paul Mensah");
  });

  it("gives both halves of a quote split by its attribution the same speaker", () => {
    const text = "“We tried,” she said, “and we will try again.” Earlier, nothing.";
    const withName = "Maria Lopez runs the clinic. " + text;
    const out = suggest(withName);
    const first = byContent(withName, out, "We tried,");
    const second = byContent(withName, out, "and we will try again.");
    expect(speakerOf(first)).toBe("Maria Lopez");
    expect(speakerOf(second)).toBe("Maria Lopez");
    expect(first.speaker?.text).toBe("she");
  });

  it("takes 'he said' as the named person just before, or as no speaker when none is close", () => {
    const text = "“It is over,” Omar Haddad said. “We lost,” he said.";
    expect(speakerOf(byContent(text, suggest(text), "We lost,"))).toBe("Omar Haddad");
    const alone = "“We lost the vote and the seat,” he said.";
    const hit = byContent(alone, suggest(alone), "We lost the vote and the seat,");
    expect(hit.speaker).toBeNull();
    expect(hit.cue?.text).toBe("said");
  });

  it("guesses anonymous, organisation and person kinds for new speakers", () => {
    const text = "“The talks are dead,” said a former western diplomat. “Prices will rise,” the Central Bank said. “Fine by me,” said Lea Berg.";
    const out = suggest(text);
    expect(byContent(text, out, "The talks are dead,").speaker?.proposed).toEqual({ name: "a former western diplomat", kind: "anonymous" });
    expect(byContent(text, out, "Prices will rise,").speaker?.proposed).toEqual({ name: "the Central Bank", kind: "organisation" });
    expect(byContent(text, out, "Fine by me,").speaker?.proposed).toEqual({ name: "Lea Berg", kind: "person" });
    const sources = "“Nothing was decided,” sources said.";
    expect(byContent(sources, suggest(sources), "Nothing was decided,").speaker?.proposed?.kind).toBe("anonymous");
  });
});

describe("speaker names", () => {
  it("reads past titles, auxiliaries and a sentence-opening preposition to the name", () => {
    const text = [
      "“The regime is the source of the crisis,” said opposition leader Maryam Rajavi.",
      "“We will not wait for Baghdad to decide,” Ankara has warned.",
      "For Khanjar, the vote was lost. Khanjar said: “We were never asked about the new map.”",
      "“The talks will go on next week,” said Secretary of State Mike Pompeo.",
    ].join("\n");
    const out = suggest(text);
    expect(speakerOf(byContent(text, out, "The regime is the source of the crisis,"))).toBe("Maryam Rajavi");
    expect(speakerOf(byContent(text, out, "We will not wait for Baghdad to decide,"))).toBe("Ankara");
    expect(speakerOf(byContent(text, out, "We were never asked about the new map."))).toBe("Khanjar");
    expect(speakerOf(byContent(text, out, "The talks will go on next week,"))).toBe("Mike Pompeo");
  });

  it("uses the full name given earlier for a later last name", () => {
    const text = "Professor Lena Brandt led the study. “The wells are clean,” Brandt said.";
    expect(speakerOf(byContent(text, suggest(text), "The wells are clean,"))).toBe("Lena Brandt");
  });
});

describe("registry and options", () => {
  it("resolves a speaker to the registry by name, alias, folded diacritics and unique last name", () => {
    const text = "“One,” said Sheikh Khamis. “Two,” said Khamis Al-Khanjár. “Three,” Khanjar said. “Four,” the ministry of the interior said.";
    const out = suggest(text, { sources: SOURCES });
    for (const content of ["One,", "Two,", "Three,"]) expect(byContent(text, out, content).speaker?.sourceId).toBe(7);
    expect(byContent(text, out, "Four,").speaker).toMatchObject({ sourceId: 8, proposed: null });
    expect(byContent(text, out, "Three,").evidence.join(" ")).toContain("sources registry");
  });

  it("uses the project's extra cues", () => {
    const text = "“The figures are final and checked twice,” Ana Ruiz briefed.";
    expect(byContent(text, suggest(text), "The figures are final and checked twice,").cue).toBeNull();
    const hit = byContent(text, suggest(text, { extraCues: ["briefed"] }), "The figures are final and checked twice,");
    expect(hit.cue?.text).toBe("briefed");
    expect(speakerOf(hit)).toBe("Ana Ruiz");
  });
});

describe("indirect and mixed attributions", () => {
  it("finds 'X said (that) …', 'according to X, …', '…, according to X' and '…, X said'", () => {
    const text = [
      "The minister said that the bridge would reopen before the summer.",
      "According to the fire service, the blaze started in a kitchen.",
      "Three people were taken to hospital, according to local police.",
      "The road will stay closed until Friday, a council spokesperson said.",
    ].join("\n");
    const out = suggest(text);
    expect(out.map((s) => s.type)).toEqual(["indirect", "indirect", "indirect", "indirect"]);
    expect(byContent(text, out, "the bridge would reopen before the summer").speaker?.proposed?.name).toBe("The minister");
    expect(speakerOf(byContent(text, out, "the blaze started in a kitchen"))).toBe("the fire service");
    expect(speakerOf(byContent(text, out, "Three people were taken to hospital"))).toBe("local police");
    expect(byContent(text, out, "The road will stay closed until Friday").speaker?.proposed?.kind).toBe("anonymous");
  });

  it("starts the content after a near 'that' and skips 'according to' that attributes nothing", () => {
    const text = [
      "President Ana Ruiz has said repeatedly that the border will stay open all year.",
      "Lea Berg told\u00a0Okaz\u00a0newspaper that the ministers would resign within days.",
      "The party won the most seats and so, according to the constitution, ought to form the government.",
      "According to the plan agreed last week the road reopens in June.",
    ].join("\n");
    const out = suggest(text);
    expect(out.map((s) => contentOf(text, s))).toEqual(["the border will stay open all year", "the ministers would resign within days"]);
    expect(speakerOf(out[0]!)).toBe("Ana Ruiz");
  });

  it("makes reported speech with quoted words one mixed suggestion, not two", () => {
    const text = "Ana Ruiz said the plan was “a promise written in pencil” and would fail.";
    const out = suggest(text);
    expect(out).toHaveLength(1);
    expect(out[0]!.type).toBe("mixed");
    expect(contentOf(text, out[0]!)).toBe("the plan was “a promise written in pencil” and would fail");
  });
});

describe("what is not a quote", () => {
  it("skips scare quotes, quoted titles and empty quotes", () => {
    const text =
      "People in the “liberated” towns queued. Her book, titled “The Long Road Home”, sold out. The film “A Quiet Winter In Riga” won. He wrote “” and “ ”.";
    expect(suggest(text)).toEqual([]);
  });

  it("keeps a short quote when a cue ties it to a speaker", () => {
    const text = "“No,” said Ana Ruiz.";
    expect(speakerOf(byContent(text, suggest(text), "No,"))).toBe("Ana Ruiz");
  });
});

describe("bad input", () => {
  it("suggests a quote with no speaker in sight, with lower confidence", () => {
    const text = "The hall was quiet.\n“We will rebuild every house on this street, one by one.”\n“The bridge will open in May,” said John Smith.";
    const out = suggest(text);
    const lone = byContent(text, out, "We will rebuild every house on this street, one by one.");
    const named = byContent(text, out, "The bridge will open in May,");
    expect(lone.speaker).toBeNull();
    expect(lone.cue).toBeNull();
    expect(lone.confidence).toBeLessThan(named.confidence);
    expect(lone.evidence).toContain("no speaker in sight");
  });

  it("handles text that is all quotation", () => {
    const text = "“Everything here is one long quotation with no attribution at all.”";
    const out = suggest(text);
    expect(out).toHaveLength(1);
    expect(contentOf(text, out[0]!)).toBe("Everything here is one long quotation with no attribution at all.");
  });

  it("counts offsets in code points when astral characters come before a quote", () => {
    const text = "🇺🇦😀𝒜 “We will stay in the city,” said Olena Kovalenko.";
    const hit = byContent(text, suggest(text), "We will stay in the city,");
    expect(hit.start).toBe(Array.from("🇺🇦😀𝒜 “").length);
    expect(hit.key).toBe(`${hit.start}:${hit.end}`);
    expect(contentOf(text, hit.speaker!)).toBe("Olena Kovalenko");
  });

  it("finds quotes in right-to-left text with guillemets", () => {
    const text = "قال الوزير «لن نتراجع عن القرار مهما كانت الضغوط» أمس";
    const out = suggest(text);
    expect(out.map((s) => contentOf(text, s))).toEqual(["لن نتراجع عن القرار مهما كانت الضغوط"]);
  });

  it("returns sorted, unique, non-overlapping suggestions with confidences in 0..1", () => {
    const text = "Ana Ruiz said that “the plan” was “a disaster for renters,” she said. “Yes,” said Ruiz, “it is.” ‘Also “nested” here,’ Ruiz said.";
    const out = suggest(text);
    expect(new Set(out.map((s) => s.key)).size).toBe(out.length);
    for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
    for (const s of out) expect(s.confidence).toBeGreaterThanOrEqual(0);
    for (const s of out) expect(s.confidence).toBeLessThanOrEqual(1);
    expect(suggest("")).toEqual([]);
  });
});
