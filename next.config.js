// @ts-check
const staticSecurityHeaders = require("./lib/security/static-headers.json");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native and Node-only modules stay outside the server bundle and are loaded with require().
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "jsdom", "@mozilla/readability"],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Uploads of several articles at once go through a server action: allow 5 MB per file and a few files.
    serverActions: { bodySizeLimit: "30mb" },
  },
  // The same headers on the responses proxy.ts never sees (Next's static assets); proxy.ts adds
  // them, with the per-request Content-Security-Policy, to everything else.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(staticSecurityHeaders).map(([key, value]) => ({ key, value })) }];
  },
};

module.exports = nextConfig;
