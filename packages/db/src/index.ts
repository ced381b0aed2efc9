export type * from "@prisma/client";
export { Prisma } from "@prisma/client";
export { createPrismaClient, getPrisma, ingressPrisma, prisma } from "./client";
