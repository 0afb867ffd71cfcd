// Drives Columba with real Tinybird npm clients, as they drive Tinybird Local on localhost:7181:
// `tinybird build` of @tinybirdco/sdk builds the project in ./project, then @chronark/zod-bird ingests rows
// through the Events API and reads an endpoint, the SDK's own client ingests a batch, and the load generator
// @tinybirdco/mockingbird sends events; each ingest is checked by counting rows afterwards. Run from the folder
// holding node_modules (see npm-clients.sh).
import { Tinybird } from "@chronark/zod-bird";
import { TinybirdGenerator } from "@tinybirdco/mockingbird";
import { TinybirdApi } from "@tinybirdco/sdk";
import { z } from "zod";
import { buildAndFindWorkspace, fail, host } from "./build.mjs";

const token = await buildAndFindWorkspace("log_analysis");

const tinybird = new Tinybird({ token, baseUrl: host });
const now = new Date().toISOString().replace("T", " ").slice(0, 19);
const ingest = tinybird.buildIngestEndpoint({
  datasource: "logs",
  event: z.object({
    timestamp: z.string(),
    level: z.string(),
    service: z.string(),
    message: z.string(),
    request_id: z.string(),
    environment: z.string(),
    status_code: z.number(),
    response_time: z.number(),
    request_method: z.string(),
    request_path: z.string(),
    host: z.string(),
    user_agent: z.string(),
  }),
  wait: true,
});
const rows = [1, 2, 3].map((i) => ({
  timestamp: now,
  level: i === 3 ? "ERROR" : "INFO",
  service: "zod-bird",
  message: `message ${i}`,
  request_id: `req-${i}`,
  environment: "test",
  status_code: 200 + i,
  response_time: 10 * i,
  request_method: "GET",
  request_path: `/path/${i}`,
  host: "localhost",
  user_agent: "zod-bird",
}));
const ingested = await ingest(rows);
if (ingested.successful_rows !== 3 || ingested.quarantined_rows !== 0) {
  fail(`ingest answered ${JSON.stringify(ingested)}`);
}

const logAnalysis = tinybird.buildPipe({
  pipe: "log_analysis",
  parameters: z.object({ service: z.string().optional(), level: z.string().optional() }),
  data: z.object({ request_id: z.string(), level: z.string(), status_code: z.number(), response_time: z.number() }),
});
const all = await logAnalysis({ service: "zod-bird" });
const errors = await logAnalysis({ service: "zod-bird", level: "ERROR" });
const ids = all.data.map((row) => row.request_id).sort();
if (JSON.stringify(ids) !== JSON.stringify(["req-1", "req-2", "req-3"])) {
  fail(`log_analysis?service=zod-bird returned ${JSON.stringify(all.data)}`);
}
if (errors.data.length !== 1 || errors.data[0].status_code !== 203 || errors.data[0].response_time !== 30) {
  fail(`log_analysis?level=ERROR returned ${JSON.stringify(errors.data)}`);
}
console.log(`zod-bird read ${all.data.length} rows from log_analysis, ${errors.data.length} with level=ERROR`);

// The rows of service `service` in logs, counted with the SDK's sql().
const api = new TinybirdApi({ baseUrl: host, token });
const count = async (service) => {
  const result = await api.sql(`SELECT count() AS n FROM logs WHERE service = '${service}' FORMAT JSON`);
  return Number(result.data[0].n);
};

// @tinybirdco/sdk ingests a batch (wait=true by default).
const sdkRows = Array.from({ length: 500 }, (_, i) => ({ ...rows[i % 3], service: "sdk", request_id: `sdk-${i}` }));
const sdkIngested = await api.ingestBatch("logs", sdkRows);
if (sdkIngested.successful_rows !== 500 || sdkIngested.quarantined_rows !== 0) {
  fail(`the SDK's ingestBatch answered ${JSON.stringify(sdkIngested)}`);
}
const sdkCount = await count("sdk");
if (sdkCount !== 500) fail(`the SDK ingested 500 rows but logs holds ${sdkCount} of service 'sdk'`);
console.log(`the SDK ingested ${sdkCount} rows`);

// @tinybirdco/mockingbird sends 2 batches of 500 events without wait (202) and only logs errors: count them.
const pick = (...values) => ({ type: "mockingbird.pick", params: [{ values }] });
const generator = new TinybirdGenerator({
  endpoint: host,
  datasource: "logs",
  token,
  eps: 500,
  limit: 1000,
  schema: {
    timestamp: { type: "mockingbird.timestampNow" },
    level: pick("INFO", "WARN", "ERROR"),
    service: pick("mockingbird"),
    message: { type: "string.uuid" },
    request_id: { type: "string.uuid" },
    environment: pick("production", "staging"),
    status_code: { type: "number.int", params: [{ min: 200, max: 599 }] },
    response_time: { type: "number.int", params: [{ min: 1, max: 5000 }] },
    request_method: pick("GET", "POST"),
    request_path: pick("/", "/api/users", "/api/orders"),
    host: pick("api.example.com"),
    user_agent: pick("mockingbird"),
  },
});
await generator.generate();
let generated = 0;
for (let attempt = 0; attempt < 100 && generated < 1000; attempt++) {
  generated = await count("mockingbird");
  if (generated < 1000) await new Promise((resolve) => setTimeout(resolve, 200));
}
if (generated !== 1000) fail(`mockingbird sent 1000 events but logs holds ${generated} of service 'mockingbird'`);
console.log(`mockingbird ingested ${generated} rows`);
console.log("OK");
