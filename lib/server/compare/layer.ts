// Which reviewer's layer the comparison pages were asked for, as it travels in a URL
// (`?layer=reviewer:12`). Anything else means "no reviewer chosen": gold where settled, else
// every reviewer pooled. The choice is a wish, not a permission: the loader applies the layer
// rule per document and blind mode overrides it.
export interface LayerChoice {
  reviewerId: number | null;
}

const REVIEWER = /^reviewer:([1-9][0-9]{0,15})$/;

export function parseLayerChoice(raw: string | undefined | null): LayerChoice {
  const match = REVIEWER.exec(raw ?? "");
  const id = match === null ? NaN : Number(match[1]);
  return { reviewerId: Number.isSafeInteger(id) ? id : null };
}

/** The inverse of parseLayerChoice, for links; null when there is nothing to say. */
export function layerChoiceParam(choice: LayerChoice): string | null {
  return choice.reviewerId === null ? null : `reviewer:${choice.reviewerId}`;
}
