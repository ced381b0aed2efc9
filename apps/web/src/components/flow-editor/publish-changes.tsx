"use client";

import type { PublishProblem } from "@ledgerflow/engine";
import { UploadIcon } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { publishFlowChangesAction } from "@/server/flows/publish-flow-changes-action";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";

interface PublishChangesProps {
  flowId: string;
  readOnly: boolean;
  /** Saves the draft now: what is published is what the server has. */
  flush: () => Promise<boolean>;
  onPublished: () => void;
  /** `publishAnyway` when every problem is a warning: publishes accepting them. */
  onProblems: (problems: PublishProblem[], publishAnyway?: () => void) => void;
}

/**
 * Shown while an enabled flow's draft differs from its published version: edits only reach runs
 * once published, so the editor says so and offers to publish them without switching off.
 */
export function PublishChanges({ flowId, readOnly, flush, onPublished, onProblems }: PublishChangesProps) {
  const [pending, startTransition] = useTransition();

  const publish = (acceptWarnings = false) =>
    startTransition(async () => {
      if (!(await flush())) return void toast.error("Save the flow first: fix the problem shown at the top.");
      const result = await publishFlowChangesAction({ flowId, acceptWarnings });
      if (!result.ok) return void toast.error(result.error);
      const { problems } = result.data;
      const onlyWarnings = problems.length > 0 && problems.every((problem) => problem.severity === "warning");
      onProblems(problems, onlyWarnings ? () => publish(true) : undefined);
      if ("versionNumber" in result.data) {
        onPublished();
        toast.success(`Published version ${result.data.versionNumber}: new runs use your changes.`);
      } else {
        toast.error("Changes not published", { description: "Runs keep using the published version." });
      }
    });

  return (
    <div className="flex items-center gap-2">
      <Badge tone="warning" title="Runs still use the published version">
        Unpublished changes
      </Badge>
      {readOnly ? null : (
        <Button size="sm" onClick={() => publish()} disabled={pending}>
          <UploadIcon />
          {pending ? "Publishing…" : "Publish changes"}
        </Button>
      )}
    </div>
  );
}
