// What each span kind means in news attribution work, with one example each, shown where a
// reviewer chooses the kind (the selection toolbar and the workspace legend). The wording
// follows the domain model in DESIGN.md; the examples are invented sentences, not corpus text.
import { ANNOTATION_KINDS, KIND_LABELS, type AnnotationKind } from "@/lib/validation/annotations";

export interface KindExample {
  /** The whole sentence, as it could stand in an article. */
  sentence: string;
  /** The part of `sentence` a reviewer tags: it occurs in the sentence exactly once. */
  span: string;
}

export interface KindGuide {
  kind: AnnotationKind;
  label: string;
  /** The key that tags a selection with this kind in the workspace. */
  key: string;
  definition: string;
  example: KindExample;
}

const GUIDES: Record<AnnotationKind, Omit<KindGuide, "kind" | "label" | "key">> = {
  claim: {
    definition:
      "A statement about the world that evidence could confirm or refute: a figure, an event, a cause. Tag it in the outlet's own voice or inside a quote; leave out hedges such as “reportedly”.",
    example: {
      sentence: "The bridge was closed to lorries in 2019 after inspectors found cracks in two piers.",
      span: "The bridge was closed to lorries in 2019 after inspectors found cracks in two piers",
    },
  },
  opinion: {
    definition:
      "An evaluation, prediction or recommendation: what someone holds to be good or bad, likely, or what should be done. It cannot be checked as stated. Record whether the author or a quoted speaker holds it.",
    example: {
      sentence: "Closing the bridge for a whole summer is a reckless gamble with the harbour's trade.",
      span: "Closing the bridge for a whole summer is a reckless gamble with the harbour's trade",
    },
  },
  quote: {
    definition:
      "Words the article attributes to a source, in quotation marks (direct) or paraphrased (indirect). Tag only what was said; the speaker, the cue (“said”, “according to”) and the addressee go in the attributes.",
    example: {
      sentence: "“We will not reopen the bridge before September,” the transport minister told reporters.",
      span: "We will not reopen the bridge before September",
    },
  },
};

/** Each kind in the order of its key (1, 2, 3). */
export const KIND_GUIDES: readonly KindGuide[] = ANNOTATION_KINDS.map((kind, i) => ({
  kind,
  label: KIND_LABELS[kind],
  key: String(i + 1),
  ...GUIDES[kind],
}));

export function kindGuide(kind: AnnotationKind): KindGuide {
  return KIND_GUIDES.find((g) => g.kind === kind)!;
}

/** One line for a tooltip or an accessible description: the definition, then the example. */
export function kindDescription(kind: AnnotationKind): string {
  const guide = kindGuide(kind);
  return `${guide.definition} Example: “${guide.example.span}”.`;
}

export interface ExampleParts {
  before: string;
  span: string;
  after: string;
}

/** The example sentence cut around its tagged span, so the span can be marked as in the text. */
export function exampleParts(example: KindExample): ExampleParts {
  const at = example.sentence.indexOf(example.span);
  if (at < 0) return { before: example.sentence, span: "", after: "" };
  return { before: example.sentence.slice(0, at), span: example.span, after: example.sentence.slice(at + example.span.length) };
}
