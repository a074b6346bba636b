"use client";
// Marking regions re-published from other outlets: choose the region by selecting text (then
// "Use selection") or by its start and end phrases, name the original outlet, date and URL,
// and save through the JSON API. The text is plain paragraphs; saved segments are <mark>ed.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent, type ReactNode, type RefObject } from "react";
import { findPhraseRegion } from "@/lib/perspective/region";
import { sliceCodePoints, splitParagraphs, type Paragraph } from "@/lib/text";
import type { SegmentDto } from "@/lib/server/segments";
import { selectedRegion } from "./selection";

interface Props {
  projectId: number;
  documentId: number;
  text: string;
  segments: SegmentDto[];
  outlets: string[];
  me: { id: number; isManager: boolean };
}

function pieces(p: Paragraph, segments: SegmentDto[]): { text: string; segment: SegmentDto | null }[] {
  const out: { text: string; segment: SegmentDto | null }[] = [];
  const slice = (a: number, b: number) => sliceCodePoints(p.text, a - p.start, b - p.start);
  let at = p.start;
  for (const s of segments) {
    if (s.end <= p.start || s.start >= p.end) continue;
    const [a, b] = [Math.max(s.start, p.start), Math.min(s.end, p.end)];
    if (a > at) out.push({ text: slice(at, a), segment: null });
    out.push({ text: slice(a, b), segment: s });
    at = b;
  }
  if (at < p.end) out.push({ text: slice(at, p.end), segment: null });
  return out;
}

function DocumentText({ text, segments, textRef }: { text: string; segments: SegmentDto[]; textRef: RefObject<HTMLDivElement | null> }): ReactNode {
  return (
    <div className="reader-text provenance-text" ref={textRef} data-testid="document-text">
      {splitParagraphs(text).map((p) => (
        <p key={p.start} data-start={p.start}>
          {pieces(p, segments).map((piece, i) =>
            piece.segment === null ? (
              piece.text
            ) : (
              <mark key={i} title={`Re-published from ${piece.segment.originalOutletName ?? "another outlet"}`}>
                {piece.text}
              </mark>
            ),
          )}
        </p>
      ))}
    </div>
  );
}

interface ListProps {
  text: string;
  segments: SegmentDto[];
  mayRemove: (segment: SegmentDto) => boolean;
  onRemove: (segment: SegmentDto) => void;
}

function SegmentList({ text, segments, mayRemove, onRemove }: ListProps): ReactNode {
  return (
    <section className="card stack" aria-labelledby="segments-heading">
      <h2 id="segments-heading">Re-published segments</h2>
      {segments.length === 0 ? (
        <p className="meta">None marked yet.</p>
      ) : (
        <ul className="segments" aria-label="Re-published segments">
          {segments.map((s) => (
            <li key={s.id}>
              <span className="excerpt">
                {sliceCodePoints(text, s.start, Math.min(s.end, s.start + 80))}
                {s.end - s.start > 80 ? "…" : ""}
              </span>
              <span className="meta">
                {" "}
                {s.start}–{s.end} · from{" "}
              </span>
              {s.originalOutletId === null ? "unknown" : <Link href={`/outlets/${s.originalOutletId}`}>{s.originalOutletName}</Link>}
              {s.originalDate ? <span className="meta"> · {s.originalDate}</span> : null}
              {s.originalUrl ? (
                <>
                  {" "}
                  ·{" "}
                  <a href={s.originalUrl} rel="noopener noreferrer nofollow" target="_blank">
                    original
                  </a>
                </>
              ) : null}
              {mayRemove(s) ? (
                <button type="button" className="button small" onClick={() => onRemove(s)}>
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

async function send(url: string, init: RequestInit): Promise<string | null> {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json" } });
  if (response.ok) return null;
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  return body.error ?? `The server answered ${response.status}.`;
}

export function SegmentEditor({ projectId, documentId, text, segments, outlets, me }: Props): ReactNode {
  const router = useRouter();
  const textRef = useRef<HTMLDivElement>(null);
  const [region, setRegion] = useState<{ start: number; end: number } | null>(null);
  const [phrases, setPhrases] = useState({ first: "", last: "" });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const api = `/api/projects/${projectId}/documents/${documentId}/segments`;

  function choose(result: { ok: true; start: number; end: number } | { ok: false; message: string }): void {
    setMessage(result.ok ? null : { ok: false, text: result.message });
    setRegion(result.ok ? { start: result.start, end: result.end } : null);
  }

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (region === null) return setMessage({ ok: false, text: "Choose the region first: select it in the text, or give its start and end phrases." });
    const formElement = event.currentTarget; // React clears currentTarget once the handler awaits
    const form = new FormData(formElement);
    const body = { ...region, outlet: form.get("outlet"), originalDate: form.get("originalDate"), originalUrl: form.get("originalUrl") };
    setBusy(true);
    const error = await send(api, { method: "POST", body: JSON.stringify(body) });
    setBusy(false);
    setMessage(error === null ? { ok: true, text: "Segment saved." } : { ok: false, text: error });
    if (error !== null) return;
    setRegion(null);
    formElement.reset();
    router.refresh();
  }

  async function remove(segment: SegmentDto): Promise<void> {
    const error = await send(`${api}/${segment.id}`, { method: "DELETE" });
    setMessage(error === null ? { ok: true, text: "Segment removed." } : { ok: false, text: error });
    router.refresh();
  }

  return (
    <div className="provenance-layout">
      <DocumentText text={text} segments={segments} textRef={textRef} />
      <div className="stack">
        <SegmentList text={text} segments={segments} mayRemove={(seg) => seg.createdById === me.id || me.isManager} onRemove={(seg) => void remove(seg)} />
        <form className="card stack" aria-label="Mark a re-published segment" onSubmit={(e) => void save(e)}>
          <h2>Mark a re-published segment</h2>
          <button type="button" className="button" onClick={() => textRef.current && choose(selectedRegion(textRef.current))}>
            Use selection
          </button>
          <p className="hint">Or give the phrases it starts and ends with:</p>
          <div className="metadata-grid">
            <div className="field">
              <label htmlFor="seg-first">Starts with</label>
              <input id="seg-first" value={phrases.first} onChange={(e) => setPhrases({ ...phrases, first: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="seg-last">Ends with</label>
              <input id="seg-last" value={phrases.last} onChange={(e) => setPhrases({ ...phrases, last: e.target.value })} />
            </div>
          </div>
          <button type="button" className="button small" onClick={() => choose(findPhraseRegion(text, phrases.first, phrases.last))}>
            Find region
          </button>
          <p className="region-preview" data-testid="region-preview">
            {region === null ? (
              "No region chosen."
            ) : (
              <>
                Region {region.start}–{region.end}:{" "}
                <span className="excerpt">{sliceCodePoints(text, region.start, Math.min(region.end, region.start + 120))}</span>
              </>
            )}
          </p>
          <div className="field">
            <label htmlFor="seg-outlet">Original outlet</label>
            <input id="seg-outlet" name="outlet" list="seg-outlets" required />
          </div>
          <datalist id="seg-outlets">
            {outlets.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
          <div className="metadata-grid">
            <div className="field">
              <label htmlFor="seg-date">Original date</label>
              <input id="seg-date" name="originalDate" type="date" />
            </div>
            <div className="field">
              <label htmlFor="seg-url">Original URL</label>
              <input id="seg-url" name="originalUrl" type="url" />
            </div>
          </div>
          {message ? (
            <p role={message.ok ? "status" : "alert"} className={message.ok ? "notice success" : "notice error"}>
              {message.text}
            </p>
          ) : null}
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? "Saving…" : "Save segment"}
          </button>
        </form>
      </div>
    </div>
  );
}
