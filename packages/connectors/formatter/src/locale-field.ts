// The countries whose way of writing numbers and dates a step can follow, offered as one choice.
import { field } from "@ledgerflow/engine";

/** Xero's home markets first, then the shops' usual neighbours. */
export const LOCALES = [
  "en-NZ",
  "en-AU",
  "en-GB",
  "en-US",
  "en-CA",
  "en-IE",
  "en-IN",
  "en-ZA",
  "de-DE",
  "de-AT",
  "de-CH",
  "fr-FR",
  "fr-CA",
  "es-ES",
  "it-IT",
  "nl-NL",
  "pt-BR",
  "sv-SE",
] as const;

export type Locale = (typeof LOCALES)[number];

const names = new Intl.DisplayNames(["en"], { type: "language" });

/** One choice per locale, named in English ("German (Germany)"), with `hint` showing an example. */
export function localeField(label: string, hint: (locale: Locale) => string) {
  return field.select({
    label,
    required: true,
    default: "en-NZ",
    options: {
      static: LOCALES.map((locale) => ({ value: locale, label: names.of(locale) ?? locale, hint: hint(locale) })),
    },
  });
}
