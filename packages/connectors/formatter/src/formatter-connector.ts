import { defineConnector } from "@ledgerflow/engine";
import { convertTimeZone } from "./dates/convert-time-zone";
import { countTimeBetween } from "./dates/count-time-between";
import { findMonthBoundary } from "./dates/find-month-boundary";
import { formatDate } from "./dates/format-date";
import { parseDate } from "./dates/parse-date";
import { shiftDate } from "./dates/shift-date";
import type { NoClient } from "./define-formatter-action";
import { countList } from "./lists/count-list";
import { joinList } from "./lists/join-list";
import { lookupValue } from "./lists/lookup-value";
import { pickListItem } from "./lists/pick-list-item";
import { sumList } from "./lists/sum-list";
import { calculateExpression } from "./numbers/calculate-expression";
import { formatCurrency } from "./numbers/format-currency";
import { parseNumber } from "./numbers/parse-number";
import { roundNumber } from "./numbers/round-number";
import { changeCase } from "./text/change-case";
import { defaultWhenEmpty } from "./text/default-when-empty";
import { extractEmail } from "./text/extract-email";
import { extractNumber } from "./text/extract-number";
import { extractUrl } from "./text/extract-url";
import { pickPart } from "./text/pick-part";
import { replaceText } from "./text/replace-text";
import { splitText } from "./text/split-text";
import { trimText } from "./text/trim-text";
import { truncateText } from "./text/truncate-text";

/**
 * The built-in Formatter (docs/ARCHITECTURE.md §5): steps that reshape the data between a trigger
 * and Xero — text, numbers, dates, lookups and lists. No account, no client, no rate limits: each
 * step is a pure function of its input, so runs and the Test button need no connection.
 */
export const formatterConnector = defineConnector<NoClient>({
  key: "formatter",
  title: "Formatter",
  auth: { kind: "none" },
  actions: [
    trimText,
    changeCase,
    replaceText,
    splitText,
    pickPart,
    truncateText,
    defaultWhenEmpty,
    extractEmail,
    extractNumber,
    extractUrl,
    parseNumber,
    roundNumber,
    formatCurrency,
    calculateExpression,
    parseDate,
    formatDate,
    shiftDate,
    countTimeBetween,
    convertTimeZone,
    findMonthBoundary,
    lookupValue,
    sumList,
    countList,
    joinList,
    pickListItem,
  ],
  triggers: [],
  optionLoaders: {},
});
