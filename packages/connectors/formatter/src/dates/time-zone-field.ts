// Every date step works in a time zone — where "today", the start of a month and a day's length are
// counted: the flow's own unless the step names another.
import { field, type InputCheckProblem } from "@ledgerflow/engine";
import { IANAZone } from "luxon";

export function timeZoneField(label = "Time zone", help?: string) {
  return field.text({
    label,
    help:
      help ?? "A name like Pacific/Auckland or Europe/London. Days and months are counted in it. Empty: the flow's.",
    required: true,
    default: "UTC",
    defaultFromFlow: "timeZone",
    maxLength: 64,
  });
}

/** Only zone names (IANA's): "local" would be the server's own zone, which no bookkeeper means. */
export function checkTimeZones<K extends string>(
  input: Partial<Record<K, string>>,
  names: K[],
): InputCheckProblem<K>[] {
  return names.flatMap((name) => {
    const zone = input[name];
    if (zone === undefined || IANAZone.isValidZone(zone)) return [];
    return [
      { field: name, message: `"${zone}" is not a time zone; use a name like Pacific/Auckland, Europe/London or UTC` },
    ];
  });
}
