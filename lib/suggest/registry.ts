// Matches a speaker's words to the project's sources registry, and guesses the kind of a
// speaker the registry does not hold yet.
import { foldName, nameTokens } from "@/lib/sources/near-match";
import type { GuessedSourceKind, KnownSource } from "./types";

const HONORIFICS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "secretary",
  "of",
  "state",
  "foreign",
  "defence",
  "defense",
  "deputy",
  "vice",
  "chief",
  "ambassador",
  "commander",
  "brigadier",
  "lieutenant",
  "major",
  "captain",
  "spokesman",
  "professor",
  "sheikh",
  "sir",
  "dame",
  "lord",
  "lady",
  "president",
  "minister",
  "prime",
  "senator",
  "gen",
  "general",
  "colonel",
  "judge",
  "mayor",
  "the",
]);
const ORGANISATION =
  /\b(ministry|agency|council|reuters|inc|ltd|llc|plc|company|corporation|corp|group|institute|office|department|police|army|committee|commission|government|party|union|bank|association|university|court|parliament|foundation|authority|service|news|times|post|press|bbc|un|nato|white house|kremlin|network|board|federation|organisation|organization|trust|club|society|centre|center|embassy|museum|assembly|cabinet|coalition|campaign|fund|daily|newspaper|magazine|site|channel|radio|television|tv|broadcaster|watch|forces|militia|brigade|brigades)\b/iu;
const ANONYMOUS =
  /^(a|an|one|two|three|several|some|many|another|other)\b|^(sources|officials|residents|analysts|witnesses|diplomats|experts|critics|activists|observers|aides|insiders)$|\bspokes(person|man|woman)\b/iu;

/** The name without titles: "Sheikh Khamis al-Khanjar" → "Khamis al-Khanjar". */
export function stripHonorifics(name: string): string {
  const parts = name
    .trim()
    .replace(/^(secretary|minister) of (state|defen[cs]e|the interior|\p{L}+)\s+(?=\p{Lu})/iu, "")
    .split(/\s+/u);
  // "Iraqi Prime Minister Haidar al-Abadi": a nationality before a title goes with it.
  if (parts.length > 2 && /(i|an|ese|ish)$/u.test(parts[0]!) && HONORIFICS.has(foldName(parts[1]!))) parts.shift();
  while (parts.length > 1 && HONORIFICS.has(foldName(parts[0]!).replace(/\.$/u, ""))) parts.shift();
  return parts.join(" ");
}

export function guessKind(text: string, isDescription: boolean): GuessedSourceKind {
  if (ANONYMOUS.test(text.trim())) return "anonymous";
  if (ORGANISATION.test(text)) return "organisation";
  // "the U.S.", "IRNA", "NATO": acronyms name bodies, not people.
  if (/^(the\s+)?[\p{Lu}.]{2,}$/u.test(text.trim())) return "organisation";
  return isDescription ? "anonymous" : "person";
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** The source whose name or alias is this speaker, or whose last name it uniquely is. */
export function matchSource(speaker: string, sources: readonly KnownSource[]): number | null {
  const tokens = nameTokens(stripHonorifics(speaker));
  if (tokens.length === 0) return null;
  const names = (s: KnownSource): string[] => [s.name, ...s.aliases];
  for (const source of sources) {
    if (names(source).some((n) => sameTokens(nameTokens(n), tokens))) return source.id;
  }
  const last = tokens[tokens.length - 1]!;
  const byLast = sources.filter((s) =>
    names(s).some((n) => {
      const t = nameTokens(n);
      return t.length > 1 && t[t.length - 1] === last && (tokens.length === 1 || t[0] === tokens[0]);
    }),
  );
  return byLast.length === 1 ? byLast[0]!.id : null;
}
