import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Saved } from "./batch-write";
import type { OrganisationBooks, TrackingCategoryRecord, TrackingOptionRecord } from "./ledger-types";
import { XeroNotFoundError, XeroValidationError } from "./xero-errors";

export const trackingNameInputSchema = z.object({
  Name: z.string().trim().min(1, "Name must be specified").max(100, "Name must be 100 characters or less"),
});

/** PUT /TrackingCategories: a new category with no options yet. */
export function createTrackingCategory(
  books: OrganisationBooks,
  input: z.infer<typeof trackingNameInputSchema>,
): Saved<TrackingCategoryRecord> {
  if (books.trackingCategories.some((category) => category.Name.toLowerCase() === input.Name.toLowerCase())) {
    throw new XeroValidationError(["For each specified tracking category the name must be unique."]);
  }
  const category: TrackingCategoryRecord = {
    TrackingCategoryID: randomUUID(),
    Name: input.Name,
    Status: "ACTIVE",
    Options: [],
  };
  books.trackingCategories.push(category);
  return { record: category, changes: [] };
}

/** PUT /TrackingCategories/{id}/Options: adds an option to a category. */
export function createTrackingOption(
  books: OrganisationBooks,
  categoryId: string,
  input: z.infer<typeof trackingNameInputSchema>,
): Saved<TrackingOptionRecord> {
  const index = books.trackingCategories.findIndex(
    (candidate) => candidate.TrackingCategoryID === categoryId.toLowerCase(),
  );
  const category = books.trackingCategories[index];
  if (!category) throw new XeroNotFoundError();
  if (category.Options.some((option) => option.Name.toLowerCase() === input.Name.toLowerCase())) {
    throw new XeroValidationError(["For each specified tracking option the name must be unique."]);
  }
  const option: TrackingOptionRecord = { TrackingOptionID: randomUUID(), Name: input.Name, Status: "ACTIVE" };
  // Records are replaced, never changed in place: the ledger's draft shares them with the live books.
  books.trackingCategories[index] = { ...category, Options: [...category.Options, option] };
  return { record: option, changes: [] };
}
