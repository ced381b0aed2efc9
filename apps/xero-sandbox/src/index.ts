export { buildSandbox, type SandboxOptions } from "./server";
