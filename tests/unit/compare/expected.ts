// The hand-counted figures of fixture.ts (see the comment there), written out as numbers.
import { figures } from "./helpers";

export const D1 = figures({
  documents: 1,
  words: 200,
  chars: 1000,
  counts: [2, 1, 4],
  per1000: [10, 5, 20],
  quoted: 170,
  quotedShare: 0.17,
  types: { named_person: 2, unnamed_person: 1, unset: 1 },
  named: 2,
  unnamed: 2,
  namedShare: 0.5,
  top: [
    ["source:1", "Jane Doe", 2],
    ["source:3", "Anonymous official", 1],
    ["text:former diplomat", "Former Diplomat", 1],
  ],
  holder: { author: 1 },
  sentiment: { "-1": 1 },
  bias: { lexical: 1 },
  certainty: { certain: 1, probable: 1 },
});

export const D2 = figures({
  documents: 1,
  words: 100,
  chars: 600,
  counts: [1, 1, 3],
  per1000: [10, 10, 30],
  quoted: 120,
  quotedShare: 0.2,
  types: { unset: 1, unnamed_person: 1, unknown: 1 },
  named: 1,
  unnamed: 1,
  namedShare: 0.5,
  top: [
    ["text:former diplomat", "former diplomat", 1],
    ["source:2", "Ministry of Health", 1],
  ],
  holder: { quoted: 1 },
  sentiment: { "2": 1 },
  bias: { none: 1 },
  certainty: { unset: 1 },
});

export const D3 = figures({
  documents: 1,
  words: 50,
  chars: 300,
  counts: [1.5, 0.5, 1.5],
  per1000: [30, 10, 30],
  quoted: 65,
  quotedShare: 65 / 300,
  types: { named_person: 1, unnamed_person: 0.5 },
  named: 1,
  unnamed: 0.5,
  namedShare: 2 / 3,
  top: [
    ["source:1", "Jane Doe", 1],
    ["text:spokesperson", "Spokesperson", 0.5],
  ],
  holder: { author: 0.5 },
  sentiment: { "0": 0.5 },
  bias: { informational: 0.5 },
  certainty: { possible: 1, certain: 0.5 },
});

export const D4 = figures({
  documents: 1,
  words: 80,
  chars: 400,
  counts: [1, 0, 1],
  per1000: [12.5, 0, 12.5],
  quoted: 30,
  quotedShare: 0.075,
  types: { named_org: 1 },
  named: 1,
  unnamed: 0,
  namedShare: 1,
  top: [["source:2", "Ministry of Health", 1]],
  certainty: { certain: 1 },
  republished: {
    chars: 160,
    share: 0.4,
    from: [
      [10, "Alpha Times", 100, 0.25],
      [40, "Delta Wire", 60, 0.15],
    ],
  },
});

export const D5 = figures({
  documents: 1,
  words: 40,
  chars: 200,
  counts: [1, 0, 1],
  per1000: [25, 0, 25],
  quoted: 40,
  quotedShare: 0.2,
  types: { named_person: 1 },
  named: 1,
  unnamed: 0,
  namedShare: 1,
  top: [["source:1", "Jane Doe", 1]],
  certainty: { underspecified: 1 },
});

export const D6 = figures({
  documents: 1,
  words: 0,
  chars: 0,
  counts: [0, 0, 0],
  per1000: [null, null, null],
  quoted: 0,
  quotedShare: null,
  named: 0,
  unnamed: 0,
  namedShare: null,
  top: [],
});

export const BETA = figures({
  documents: 2,
  words: 150,
  chars: 900,
  counts: [2.5, 1.5, 4.5],
  per1000: [(2.5 / 150) * 1000, 10, 30],
  quoted: 185,
  quotedShare: 185 / 900,
  types: { named_person: 1, unnamed_person: 1.5, unknown: 1, unset: 1 },
  named: 2,
  unnamed: 1.5,
  namedShare: 2 / 3.5,
  top: [
    ["text:former diplomat", "former diplomat", 1],
    ["source:1", "Jane Doe", 1],
    ["source:2", "Ministry of Health", 1],
    ["text:spokesperson", "Spokesperson", 0.5],
  ],
  holder: { quoted: 1, author: 0.5 },
  sentiment: { "2": 1, "0": 0.5 },
  bias: { none: 1, informational: 0.5 },
  certainty: { unset: 1, possible: 1, certain: 0.5 },
});

export const GAMMA = { ...D4, documents: 2 };

export const TOTAL = figures({
  documents: 6,
  words: 470,
  chars: 2500,
  counts: [6.5, 2.5, 10.5],
  per1000: [(6.5 / 470) * 1000, (2.5 / 470) * 1000, (10.5 / 470) * 1000],
  quoted: 425,
  quotedShare: 0.17,
  types: { named_person: 4, unnamed_person: 2.5, named_org: 1, unknown: 1, unset: 2 },
  named: 6,
  unnamed: 3.5,
  namedShare: 6 / 9.5,
  top: [
    ["source:1", "Jane Doe", 4],
    ["text:former diplomat", "Former Diplomat", 2],
    ["source:2", "Ministry of Health", 2],
    ["source:3", "Anonymous official", 1],
    ["text:spokesperson", "Spokesperson", 0.5],
  ],
  holder: { author: 1.5, quoted: 1 },
  sentiment: { "-1": 1, "0": 0.5, "2": 1 },
  bias: { lexical: 1, informational: 0.5, none: 1 },
  certainty: { certain: 2.5, probable: 1, possible: 1, underspecified: 1, unset: 1 },
  republished: {
    chars: 160,
    share: 0.064,
    from: [
      [10, "Alpha Times", 100, 0.04],
      [40, "Delta Wire", 60, 0.024],
    ],
  },
});
