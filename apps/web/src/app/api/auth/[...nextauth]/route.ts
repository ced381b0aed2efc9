import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/auth-options";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

function handler(request: NextRequest, context: NextAuthContext) {
  return NextAuth(request, context, authOptions());
}

export { handler as GET, handler as POST };
