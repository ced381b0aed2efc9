// The event a Xero trigger's run carries, in the shape of Xero's webhook events
// (xero-webhooks.yaml), so steps map `{{trigger.event.resourceId}}` the same way whether Xero
// pushed the change, a poll found it, or the sample stands for it.

export interface XeroTriggerEventArgs {
  /** Xero's eventCategory (INVOICE, CONTACT, CREDITNOTE) or, for lists Xero does not push, the record kind (PAYMENT). */
  category: string;
  resourceId: unknown;
  tenantId: string;
  /** CREATE or UPDATE as Xero says; a poll's own word where neither fits (OVERDUE). */
  eventType: string;
  at: Date;
}

export function xeroTriggerEvent({ category, resourceId, tenantId, eventType, at }: XeroTriggerEventArgs) {
  return {
    resourceId,
    tenantId,
    eventCategory: category,
    eventType,
    // Xero's eventDateUtc is UTC without a zone designator: 2026-12-01T09:30:00.000.
    eventDateUtc: at.toISOString().replace(/Z$/, ""),
  };
}

/** The organisation and time the triggers' samples name. */
export const SAMPLE_TENANT_ID = "8d4a8a1e-24b1-4a54-9a5f-2f2f2f2f2f2f";
export const SAMPLE_EVENT_DATE = new Date("2026-12-01T09:30:00.000Z");

/** A trigger's sample: what a run carries, `{ event, record, previous }`, for the data picker. */
export function sampleTriggerOutput(
  resource: { category: string; idField: string; stateFields: readonly string[] },
  record: Record<string, unknown>,
  eventType: string,
) {
  return {
    event: xeroTriggerEvent({
      category: resource.category,
      resourceId: record[resource.idField],
      tenantId: SAMPLE_TENANT_ID,
      eventType,
      at: SAMPLE_EVENT_DATE,
    }),
    record,
    previous: Object.fromEntries(resource.stateFields.map((name) => [name, record[name] ?? null])),
  };
}
