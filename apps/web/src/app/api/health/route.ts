import { checkHealth } from "@/server/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth();
  if (report.status === "ok") return Response.json(report);
  const down = (["db", "redis", "worker"] as const).filter((name) => report[name] !== "ok");
  return Response.json({ ...report, message: `Not available: ${down.join(", ")}` }, { status: 503 });
}
