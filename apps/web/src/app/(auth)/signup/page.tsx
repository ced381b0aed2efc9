import type { Metadata } from "next";
import Link from "next/link";
import { SignupForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignupPage() {
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold tracking-tight">Create your Ledgerflow account</h1>
        <p className="text-sm text-slate-600">
          Already have one?{" "}
          <Link className="font-medium text-brand-700 underline-offset-4 hover:underline" href="/login">
            Sign in
          </Link>
        </p>
      </div>
      <SignupForm />
    </div>
  );
}
