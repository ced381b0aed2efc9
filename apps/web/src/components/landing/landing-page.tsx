import { ArrowRightIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "../ui/button";
import { MAIN_CONTENT_ID, SkipLink } from "../ui/skip-link";

const features = [
  {
    title: "Triggers from anywhere",
    body: "A webhook from your shop, a schedule, or a button. Every event is stored before we answer, so nothing is lost.",
  },
  {
    title: "Xero actions that just work",
    body: "Create contacts, invoices, bills, items and payments; find contacts and items; read tracking categories.",
  },
  {
    title: "Never a duplicate invoice",
    body: "Every write to Xero carries an idempotency key, so a retry after a timeout or a crash never creates a second one.",
  },
];

/** What a signed-out visitor sees at `/`. */
export function LandingPage() {
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-16 px-6 py-16">
      <SkipLink />
      <header className="flex items-center justify-between">
        <span className="text-lg font-semibold tracking-tight text-brand-700">Ledgerflow</span>
        <nav aria-label="Account" className="flex gap-3 text-sm">
          <Link className="rounded-md px-3 py-2 hover:bg-slate-100" href="/login">
            Sign in
          </Link>
          <Link className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700" href="/signup">
            Create an account
          </Link>
        </nav>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="flex flex-col gap-16 outline-none">
        <section aria-labelledby="hero-title" className="flex flex-col gap-6">
          <h1 id="hero-title" className="max-w-3xl text-4xl font-semibold tracking-tight sm:text-5xl">
            Automate your bookkeeping in Xero, without writing code.
          </h1>
          <p className="max-w-2xl text-lg text-slate-600">
            Ledgerflow turns events from the apps you already use into contacts, invoices, bills and payments in Xero.
            Build a flow in the browser, test each step on real data, switch it on.
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <Button asChild className="h-11 px-6 text-base">
              <Link href="/signup">
                Get started
                <ArrowRightIcon aria-hidden />
              </Link>
            </Button>
            <Button asChild variant="secondary" className="h-11 px-6 text-base">
              <Link href="/login">Sign in</Link>
            </Button>
          </div>
        </section>
        <section aria-label="Features" className="grid gap-6 sm:grid-cols-3">
          {features.map((feature) => (
            <article key={feature.title} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
              <h2 className="font-medium">{feature.title}</h2>
              <p className="mt-2 text-sm text-slate-600">{feature.body}</p>
            </article>
          ))}
        </section>
      </main>
    </div>
  );
}
