// What both checks share: `tinybird build` of @tinybirdco/sdk over ./project against Columba on localhost:7181, as
// against Tinybird Local, then the token of the workspace the build went to.
import { execFileSync } from "node:child_process";

export const host = "http://localhost:7181";

export const fail = (message) => {
  console.error(`FAILED: ${message}`);
  process.exit(1);
};

export const json = async (response, what) => {
  const text = await response.text();
  if (!response.ok) fail(`${what}: HTTP ${response.status} ${text}`);
  return JSON.parse(text);
};

// Builds ./project with the SDK's CLI and returns the admin token of the workspace holding `pipeName` afterwards
// (the SDK builds into the workspace of the git branch, created through /v1/workspaces, or the main one).
export async function buildAndFindWorkspace(pipeName) {
  const tokens = await json(await fetch(`${host}/tokens`), "GET /tokens");
  const started = Date.now();
  try {
    const output = execFileSync(process.execPath, ["../node_modules/@tinybirdco/sdk/bin/tinybird.js", "build"], {
      cwd: "project",
      env: { ...process.env, TINYBIRD_TOKEN: tokens.admin_token },
      encoding: "utf-8",
    });
    console.log(output.trim());
  } catch (error) {
    fail(`tinybird build: ${error.stdout ?? ""}${error.stderr ?? ""}`);
  }
  console.log(`tinybird build took ${Date.now() - started} ms`);

  const { workspaces } = await json(
    await fetch(`${host}/v1/user/workspaces?with_organization=true&token=${tokens.admin_token}`),
    "GET /v1/user/workspaces",
  );
  let token = null;
  for (const workspace of workspaces) {
    const pipes = await json(
      await fetch(`${host}/v0/pipes`, { headers: { Authorization: `Bearer ${workspace.token}` } }),
      "GET /v0/pipes",
    );
    if (pipes.pipes.some((pipe) => pipe.name === pipeName)) {
      token = workspace.token;
      console.log(`the build is in workspace ${workspace.name}`);
    }
  }
  if (!token) fail(`no workspace holds the pipe ${pipeName} after the build`);
  return token;
}
