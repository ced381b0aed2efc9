import { z } from "zod";
import { identityRequest } from "./identity-request";
import { type XeroAppSettings, xeroAppSettings } from "./xero-app-settings";

// `GET /connections`: the organisations the user behind this access token has connected to our app.

export const xeroConnectionSchema = z.object({
  id: z.string(),
  authEventId: z.string(),
  tenantId: z.string(),
  tenantType: z.string(),
  tenantName: z.string().nullable(),
  createdDateUtc: z.string(),
  updatedDateUtc: z.string(),
});

export type XeroConnection = z.infer<typeof xeroConnectionSchema>;

/** Lists the connections; with `authEventId`, only those made by that consent. */
export async function listTenantConnections(
  accessToken: string,
  options: { authEventId?: string } = {},
  settings: XeroAppSettings = xeroAppSettings(),
): Promise<XeroConnection[]> {
  const query = options.authEventId ? `?authEventId=${encodeURIComponent(options.authEventId)}` : "";
  const response = await identityRequest(settings, {
    method: "GET",
    path: `/connections${query}`,
    accessToken,
    operation: "list the connected organisations",
  });
  return z.array(xeroConnectionSchema).parse(await response.json());
}
