import type { AccountingRoute } from "./accounting-route";
import { validationErrors, writeBatch } from "./batch-write";
import { createTrackingCategory, createTrackingOption, trackingNameInputSchema } from "./create-tracking";
import { ENDPOINT_SCOPES } from "./endpoint-scopes";
import { listRecords, parseListQuery } from "./list-query";
import { writeAnswer } from "./write-answer";
import { XeroNotFoundError } from "./xero-errors";

const failedTracking = (input: object, messages: string[]) => ({
  ...input,
  ValidationErrors: validationErrors(messages),
});

export const trackingCategoriesRoutes: AccountingRoute[] = [
  {
    method: "GET",
    url: "/TrackingCategories",
    scopes: ENDPOINT_SCOPES.settingsRead,
    handle: ({ books, query }) => {
      const list = parseListQuery(query);
      const categories = list.includeArchived
        ? books.trackingCategories
        : books.trackingCategories
            .filter((category) => category.Status === "ACTIVE")
            .map((category) => ({
              ...category,
              Options: category.Options.filter((option) => option.Status === "ACTIVE"),
            }));
      const { items } = listRecords(categories, list, {
        typeName: "TrackingCategory",
        fields: ["TrackingCategoryID", "Name", "Status"],
      });
      return { status: 200, body: { TrackingCategories: items } };
    },
  },
  {
    method: "GET",
    url: "/TrackingCategories/:TrackingCategoryID",
    scopes: ENDPOINT_SCOPES.settingsRead,
    handle: ({ books, params }) => {
      const id = params.TrackingCategoryID!.toLowerCase();
      const category = books.trackingCategories.find((candidate) => candidate.TrackingCategoryID === id);
      if (!category) throw new XeroNotFoundError();
      return { status: 200, body: { TrackingCategories: [category] } };
    },
  },
  {
    method: "PUT",
    url: "/TrackingCategories",
    scopes: ENDPOINT_SCOPES.settingsWrite,
    handle: ({ ledger, tenantId, body }) =>
      writeAnswer(
        writeBatch(ledger, tenantId, [body], {
          schema: trackingNameInputSchema,
          save: createTrackingCategory,
          failed: failedTracking,
          summarizeErrors: true,
        }),
        "TrackingCategories",
      ),
  },
  {
    method: "PUT",
    url: "/TrackingCategories/:TrackingCategoryID/Options",
    scopes: ENDPOINT_SCOPES.settingsWrite,
    handle: ({ ledger, tenantId, body, params }) =>
      writeAnswer(
        writeBatch(ledger, tenantId, [body], {
          schema: trackingNameInputSchema,
          save: (books, input) => createTrackingOption(books, params.TrackingCategoryID!, input),
          failed: failedTracking,
          summarizeErrors: true,
        }),
        "Options",
      ),
  },
];
