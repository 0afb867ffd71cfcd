// The web analytics starter kit driven by real Tinybird npm clients, as they drive Tinybird Local on
// localhost:7181 (issue 6): `tinybird build` of @tinybirdco/sdk builds the kit in ./project, @chronark/zod-bird
// sends page hits of a tenant of its own through the Events API (the kit's materialized views run on them) and
// reads them back from the top_pages and analytics_hits endpoints, whose answers are checked value by value.
// Run from the folder holding node_modules (see npm-clients.sh).
import { Tinybird } from "@chronark/zod-bird";
import { z } from "zod";
import { buildAndFindWorkspace, fail, host } from "./build.mjs";

const token = await buildAndFindWorkspace("top_pages");

const tinybird = new Tinybird({ token, baseUrl: host });
const tenant = `zod-bird-${Date.now()}`;
const ingest = tinybird.buildIngestEndpoint({
  datasource: "analytics_events",
  event: z.object({
    timestamp: z.string(),
    session_id: z.string(),
    action: z.string(),
    version: z.string(),
    payload: z.string(),
    tenant_id: z.string(),
    domain: z.string(),
  }),
  wait: true,
});
// Page hits: /docs twice by session s1 and once by s2, /pricing once by s3; a click that no endpoint counts.
const hit = (session, pathname, action = "page_hit") => ({
  timestamp: "2031-03-15 10:00:00",
  session_id: session,
  action,
  version: "1",
  payload: JSON.stringify({
    "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/120.0 Safari/537.36",
    locale: "en-US",
    location: "ES",
    referrer: "https://www.google.com",
    pathname,
    href: `https://example.com${pathname}`,
  }),
  tenant_id: tenant,
  domain: "example.com",
});
const events = [hit("s1", "/docs"), hit("s1", "/docs"), hit("s2", "/docs"), hit("s3", "/pricing"),
  hit("s3", "/pricing", "click")];
const ingested = await ingest(events);
if (ingested.successful_rows !== events.length || ingested.quarantined_rows !== 0) {
  fail(`ingest answered ${JSON.stringify(ingested)}`);
}

const topPages = tinybird.buildPipe({
  pipe: "top_pages",
  parameters: z.object({ date_from: z.string(), date_to: z.string(), tenant_id: z.string() }),
  data: z.object({ pathname: z.string(), visits: z.number(), hits: z.number() }),
});
const pages = await topPages({ date_from: "2031-03-15", date_to: "2031-03-15", tenant_id: tenant });
const expected = [
  { pathname: "/docs", visits: 2, hits: 3 },
  { pathname: "/pricing", visits: 1, hits: 1 },
];
if (JSON.stringify(pages.data) !== JSON.stringify(expected)) {
  fail(`top_pages returned ${JSON.stringify(pages.data)}, expected ${JSON.stringify(expected)}`);
}
console.log(`zod-bird read top_pages: ${JSON.stringify(pages.data)}`);

const analyticsHits = tinybird.buildPipe({
  pipe: "analytics_hits",
  parameters: z.object({ tenant_id: z.string() }),
  data: z.object({ session_id: z.string(), pathname: z.string(), browser: z.string(), device: z.string() }),
});
const hits = await analyticsHits({ tenant_id: tenant });
const sessions = hits.data.map((row) => `${row.session_id} ${row.pathname}`).sort();
if (JSON.stringify(sessions) !== JSON.stringify(["s1 /docs", "s1 /docs", "s2 /docs", "s3 /pricing"])) {
  fail(`analytics_hits returned ${JSON.stringify(hits.data)}`);
}
if (!hits.data.every((row) => row.browser === "chrome" && row.device === "desktop")) {
  fail(`analytics_hits parsed the user agent as ${JSON.stringify(hits.data.map((r) => [r.browser, r.device]))}`);
}
console.log(`zod-bird read ${hits.data.length} rows from analytics_hits (chrome, desktop)`);
console.log("OK: the SDK built the web analytics starter kit; zod-bird ingested and read its endpoints");
