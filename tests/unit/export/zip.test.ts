// The streaming zip writer, read back by Python's zipfile (which checks every CRC) and by
// fflate: small and large entries, an empty one, UTF-8 names, determinism, and the ZIP64
// records an archive of more than 65,535 entries needs.
import { randomBytes } from "node:crypto";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipStream, type ZipEntry } from "@/lib/export/zip";
import { collect } from "./fixture";
import { runPython } from "./python-reader";

const READ_ZIP = `
import sys, os, zipfile, json, hashlib
z = zipfile.ZipFile(os.path.join(sys.argv[1], "a.zip"))
bad = z.testzip()
print(json.dumps({"bad": bad, "files": [[i.filename, i.file_size, hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()[:5]], "count": len(z.infolist())}))
`;

const sha = async (data: Uint8Array): Promise<string> => (await import("node:crypto")).createHash("sha256").update(data).digest("hex");

async function* slowly(parts: string[]): AsyncGenerator<string> {
  for (const p of parts) yield p;
}

describe("zipStream", () => {
  it("writes entries that Python's zipfile reads back with every CRC right", async () => {
    // 3 MB of incompressible bytes crosses many deflate pieces; text from many small chunks too.
    const noise = randomBytes(3 * 1024 * 1024);
    const lines = Array.from({ length: 40_000 }, (_, i) => `line ${i}, “quoted” ‏عربي 😀\n`);
    const entries: ZipEntry[] = [
      { name: "noise.bin", data: noise },
      { name: "dossier/ünïcode-😀.txt", data: slowly(lines) },
      { name: "empty.txt", data: slowly([]) },
    ];
    const zip = await collect(zipStream(entries));
    const report = runPython(READ_ZIP, { "a.zip": zip }) as { bad: string | null; files: [string, number, string][] };
    expect(report.bad).toBeNull();
    const text = Buffer.from(lines.join(""), "utf8");
    expect(report.files).toEqual([
      ["noise.bin", noise.length, await sha(noise)],
      ["dossier/ünïcode-😀.txt", text.length, await sha(text)],
      ["empty.txt", 0, await sha(new Uint8Array())],
    ]);
    const again = unzipSync(zip);
    expect(Buffer.from(again["dossier/ünïcode-😀.txt"]!).equals(text)).toBe(true);
  });

  it("gives the same bytes for the same entries", async () => {
    const make = () =>
      zipStream([
        { name: "a.txt", data: "same" },
        { name: "b.txt", data: slowly(["x", "y"]) },
      ]);
    expect((await collect(make())).equals(await collect(make()))).toBe(true);
  });

  it("switches to ZIP64 end records past 65,535 entries", async () => {
    const many = function* (): Generator<ZipEntry> {
      for (let i = 0; i < 70_000; i++) yield { name: `f${i}.txt`, data: `${i}` };
    };
    const zip = await collect(zipStream(many()));
    // The ZIP64 end-of-central-directory record's signature is there…
    expect(zip.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    // …and a reader counts every entry.
    const report = runPython(READ_ZIP, { "a.zip": zip }) as { bad: string | null; count: number };
    expect(report).toMatchObject({ bad: null, count: 70_000 });
  }, 60_000);
});
