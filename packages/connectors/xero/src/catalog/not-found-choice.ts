import type { FieldSpec } from "@ledgerflow/engine";
import { z } from "zod";

/** A search step's choice when nothing matches: fail the run, or carry on with `found: false`. */
export const ifNotFoundField: FieldSpec = {
  name: "ifNotFound",
  label: "When nothing matches",
  type: "select",
  required: true,
  default: "fail",
  help: "Stop the run with an error, or carry on with “found” set to false so later steps can decide.",
  options: {
    static: [
      { value: "fail", label: "Stop the run with an error" },
      { value: "continue", label: "Continue (found = false)" },
    ],
  },
};

export const ifNotFoundSchema = z.object({ ifNotFound: z.enum(["fail", "continue"]).default("fail") });
