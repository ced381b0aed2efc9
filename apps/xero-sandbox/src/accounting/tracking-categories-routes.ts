import type { AccountingRoute } from "./accounting-route";
import { failedElement, writeRoute } from "./batch-write-routes";
import { createTrackingCategory, createTrackingOption, trackingNameInputSchema } from "./create-tracking";
import { ENDPOINT_SCOPES } from "./endpoint-scopes";
import { listRecords, parseListQuery } from "./list-query";
import { XeroNotFoundError } from "./xero-errors";

const failedTracking = failedElement();

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
  writeRoute({
    method: "PUT",
    url: "/TrackingCategories",
    scopes: ENDPOINT_SCOPES.settingsWrite,
    key: "TrackingCategories",
    elements: "body",
    schema: trackingNameInputSchema,
    failed: failedTracking,
    save: (books, input) => createTrackingCategory(books, input),
  }),
  writeRoute({
    method: "PUT",
    url: "/TrackingCategories/:TrackingCategoryID/Options",
    scopes: ENDPOINT_SCOPES.settingsWrite,
    key: "Options",
    elements: "body",
    schema: trackingNameInputSchema,
    failed: failedTracking,
    save: (books, input, { params }) => createTrackingOption(books, params.TrackingCategoryID!, input),
  }),
];
