import { field, fieldSpecs, type PolledRecord, type TriggerDefinition } from "@ledgerflow/engine";
import { sampleInvoice } from "../../catalog/output-samples";
import type { XeroClientContext } from "../../xero-client-context";
import { withoutNoise } from "../../xero-records";
import { loadRecentSample } from "../load-recent-sample";
import { sampleTriggerOutput, xeroTriggerEvent } from "../xero-trigger-event";
import { readXeroPages } from "./read-xero-pages";
import { parseXeroDate } from "./xero-date";
import { xeroListResources } from "./xero-list-resources";
import { polledRecordLabel } from "./xero-polling-trigger";

// "Overdue sales invoice": nothing in Xero changes when an invoice falls overdue, so
// If-Modified-Since cannot find it. Each poll asks instead for the approved, unpaid sales invoices
// that reached N days past their due date since the previous poll (by DueDate, in UTC days), and
// each fires once: its key is the invoice and N, not a change time.

const DAY_MS = 86_400_000;
const invoices = xeroListResources.INVOICE;

const fields = fieldSpecs({
  daysOverdue: field.number({
    label: "Days overdue",
    help: "The flow runs once for each invoice this many days after its due date, if it is not fully paid by then.",
    required: true,
    positive: true,
    default: 7,
  }),
});

/** The UTC day (midnight) a time falls on. */
const dayOf = (time: Date) => new Date(Math.floor(time.getTime() / DAY_MS) * DAY_MS);

/** Xero's `where` date literal: DateTime(2026, 02, 28). */
function whereDate(day: Date): string {
  const [year, month, date] = day.toISOString().slice(0, 10).split("-");
  return `DateTime(${year}, ${month}, ${date})`;
}

/** Approved sales invoices with something left to pay, due in a range of days (inclusive). */
function overdueWhere(dueFrom: Date | null, dueTo: Date): string {
  return [
    'Type=="ACCREC"',
    'Status=="AUTHORISED"',
    "AmountDue>0",
    ...(dueFrom ? [`DueDate>=${whereDate(dueFrom)}`] : []),
    `DueDate<=${whereDate(dueTo)}`,
  ].join(" AND ");
}

function daysOverdue(input: Record<string, unknown>): number {
  return Math.max(1, Math.floor(Number(input.daysOverdue) || 7));
}

export const overdueInvoiceTrigger: TriggerDefinition<XeroClientContext> = {
  key: "xero.invoice.overdue",
  title: "Overdue sales invoice",
  description: "Runs once for each sales invoice that is still unpaid the chosen number of days after its due date.",
  group: "Sales invoices",
  fields,
  sample: sampleTriggerOutput(invoices, { ...sampleInvoice, AmountDue: 1380 }, "OVERDUE"),
  source: {
    kind: "polling",
    async poll({ client, input, cursor, signal }) {
      const days = daysOverdue(input) * DAY_MS;
      const now = new Date();
      // Invoices that became N days overdue on a day from the cursor's to today's.
      const dueFrom = new Date(dayOf(new Date(cursor.since)).getTime() - days);
      const dueTo = new Date(dayOf(now).getTime() - days);
      const { records, complete } = await readXeroPages(
        client,
        invoices,
        { where: overdueWhere(dueFrom, dueTo), order: "DueDate ASC" },
        signal,
      );
      const polled = records.flatMap((raw): PolledRecord[] => {
        const due = parseXeroDate(raw.DueDate);
        if (!due || typeof raw.InvoiceID !== "string") return [];
        const record = withoutNoise(raw);
        const recordKey = `INVOICE:${raw.InvoiceID}`;
        const changedAt = new Date(due.getTime() + days).toISOString();
        return [{ key: `${recordKey}:overdue:${daysOverdue(input)}`, recordKey, changedAt, record, state: {} }];
      });
      // A poll cut short goes on next time from the last due date it read.
      const last = polled.at(-1);
      return { records: polled, cursor: { since: complete || !last ? now.toISOString() : last.changedAt } };
    },
    eventOf: ({ polled, account }) =>
      xeroTriggerEvent({
        category: "INVOICE",
        resourceId: polled.record.InvoiceID,
        tenantId: account,
        eventType: "OVERDUE",
        at: new Date(polled.changedAt),
      }),
  },
  recordLabel: (record) => polledRecordLabel(invoices, record),
  loadSample: ({ client, input }) =>
    loadRecentSample(client, invoices, {
      where: overdueWhere(null, new Date(dayOf(new Date()).getTime() - daysOverdue(input) * DAY_MS)),
      eventType: "OVERDUE",
    }),
};
