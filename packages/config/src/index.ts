export { resetServerEnvCache, type ServerEnv, serverEnv, serverEnvSchema } from "./env";
