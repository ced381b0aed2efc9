import { serverEnv } from "@ledgerflow/config";
import type { Metadata } from "next";
import Link from "next/link";
import { sameOriginPath } from "@/server/auth/same-origin-path";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

interface LoginPageProps {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}

/** Only paths on this site: anything that leads elsewhere would be an open redirect. */
function safeCallbackUrl(value: string | string[] | undefined): string {
  return sameOriginPath(Array.isArray(value) ? value[0] : value, serverEnv().NEXTAUTH_URL) ?? "/";
}

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold tracking-tight">Sign in to Ledgerflow</h1>
        <p className="text-sm text-slate-600">
          New here?{" "}
          <Link className="font-medium text-brand-700 underline-offset-4 hover:underline" href="/signup">
            Create an account
          </Link>
        </p>
      </div>
      <LoginForm callbackUrl={safeCallbackUrl(callbackUrl)} />
    </div>
  );
}
