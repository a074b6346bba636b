// The comparison of a story, or of a whole project, as a member may see it.
import type { ProjectRole } from "@/db/tables";
import { compare } from "@/lib/compare";
import type { CompareInput, Comparison } from "@/lib/compare/types";
import type { Failure } from "../annotations/result";
import type { SessionUser } from "../session";
import { compareScope } from "./access";
import { loadBase, loadInput } from "./input";
import type { LayerChoice } from "./layer";
import { readSnapshot } from "@/db/sql";

export interface ComparisonView {
  project: { id: number; name: string };
  story: { id: number; name: string; description: string } | null;
  role: ProjectRole;
  /** True when blind mode limits this viewer to their own layer and ratings. */
  blind: boolean;
  reviewers: { id: number; name: string }[];
  layer: LayerChoice;
  input: CompareInput;
  comparison: Comparison;
}

/** `storyId` null compares every document of the project, with every story's claim groups. */
export async function loadComparison(
  user: SessionUser,
  projectId: number,
  storyId: number | null,
  layer: LayerChoice,
): Promise<{ ok: true; view: ComparisonView } | Failure> {
  const scope = await compareScope(user, projectId, storyId);
  if ("ok" in scope) return scope;
  const { base, input } = await readSnapshot(async () => {
    const read = await loadBase(scope, layer);
    return { base: read, input: await loadInput(read) };
  });
  return {
    ok: true,
    view: {
      project: scope.project,
      story: scope.story,
      role: scope.role,
      blind: scope.blind,
      reviewers: base.plan.reviewers,
      // Under blind mode the viewer's own layer is what is shown, whatever was asked.
      layer: scope.blind ? { reviewerId: user.id } : layer,
      input,
      comparison: compare(input),
    },
  };
}
