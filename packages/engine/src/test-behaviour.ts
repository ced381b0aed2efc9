// What a step's Test does differently from a run, as a connector declares it for an action: the
// value a test sends instead of the step's own (an invoice's Status: a draft), and how the record a
// test created is listed and cleaned up. Connector-neutral: the engine and the runtime know no Xero.
import { StepError } from "./action-definition";
import { defineOwn, type PlainObject, readOwn } from "./plain-data";

/** A test sends `value` for `field` whatever the step says, unless the person opts out for the test. */
export interface TestOverride {
  field: string;
  value: string;
  /** What the result says: "Tested as a draft". */
  label: string;
  /** The opt-out, as the Test section offers it: "Test with the step's own status". */
  optOutLabel: string;
}

export interface CleanUpContext<TClient = unknown> {
  client: TClient;
  signal: AbortSignal;
}

/** The record a test of the action creates, and how it is removed again. */
export interface TestRecordSpec<TClient = unknown> {
  /** The output field that holds the record's id in the connected app ("InvoiceID"). */
  idField: string;
  /** Whether this output is a record the test made (a contact found, not created, is not); default yes. */
  created?(output: unknown): boolean;
  /** "Invoice INV-0012 (draft) · Acme Ltd". */
  label(output: unknown): string;
  /** What clean-up does, for its confirmation: "a draft is deleted, an approved one voided". */
  cleanUpDescription: string;
  /**
   * Removes the record (deletes, voids, archives) and says what it did ("Deleted"). Throws a
   * StepError whose message says why not when the app refuses (a paid invoice cannot be voided).
   */
  cleanUp(ctx: CleanUpContext<TClient>, externalId: string): Promise<string>;
}

export interface ActionTestBehaviour<TClient = unknown> {
  override?: TestOverride;
  record?: TestRecordSpec<TClient>;
}

interface TestingAction {
  test?: ActionTestBehaviour<never>;
}

/** What a test sent instead of the step's own value. */
export interface AppliedOverride {
  field: string;
  value: string;
  /** The step's own value, which runs use. */
  stepValue: unknown;
  label: string;
}

/**
 * The input a test sends: the step's parsed input with the action's override applied, unless the
 * person chose to test with the step's own values (`useStepValues`). `applied` is set only when
 * the override changed something.
 */
export function applyTestOverride(
  action: TestingAction,
  input: PlainObject,
  { useStepValues = false } = {},
): { input: PlainObject; applied?: AppliedOverride } {
  const override = action.test?.override;
  if (!override || useStepValues) return { input };
  const stepValue = readOwn(input, override.field);
  if (stepValue === override.value) return { input };
  const tested: PlainObject = { ...input };
  defineOwn(tested, override.field, override.value);
  return { input: tested, applied: { field: override.field, value: override.value, stepValue, label: override.label } };
}

/** The record a test created, by its id in the app and its label; undefined when it made none. */
export function createdTestRecord(
  action: { test?: { record?: Pick<TestRecordSpec, "idField" | "created" | "label"> } },
  output: unknown,
): { externalId: string; label: string } | undefined {
  const spec = action.test?.record;
  if (!spec || (spec.created && !spec.created(output))) return undefined;
  const id = readOwn(output, spec.idField);
  if (typeof id !== "string" || id === "") return undefined;
  return { externalId: id, label: spec.label(output) };
}

/** Why a record cannot be cleaned up, as the app's refusal or our own words. */
export function cleanUpRefusal(message: string): StepError {
  return new StepError(message, { code: "cleanup_refused" });
}
