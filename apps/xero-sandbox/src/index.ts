export { loadSandboxConfig, type SandboxConfig, type SandboxConfigOverrides } from "./config";
export { buildSandbox, type Sandbox } from "./server";
